package org.b2bforum.base.i18n;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import com.vaadin.flow.i18n.I18NProvider;

/** Translations live in {@code vaadin-i18n/translations*.properties}: Russian first, English second. */
@Configuration(proxyBeanMethods = false)
class I18nConfiguration {

    @Bean
    I18NProvider i18nProvider() {
        return new DefaultI18NProvider(List.of(Languages.RUSSIAN, Languages.ENGLISH));
    }
}
