package org.b2bforum.base.ui;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.InstantiatorFactory;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.spring.SpringInstantiator;

/**
 * Vaadin's Spring instantiator, which creates a class that is not a bean (the views, the layouts, the components they
 * create by class) without asking the context for a bean of it first. {@link SpringInstantiator#getOrCreate} asks
 * {@code getBean(type)} and creates the object when that throws {@code NoSuchBeanDefinitionException}: one exception,
 * with its message and its stack trace of a hundred frames, for every view and layout of every page opened, the
 * route views being no beans (bench/README.md, issue 17). Here the context's names for the type (cached, the same
 * look-up {@code getBean} makes first) decide: none, and the object is created as Vaadin's would be, autowired by
 * its constructor; a bean, and Vaadin's instantiator answers as before.
 * <p>
 * Found by Vaadin's look-up ({@link InstantiatorFactory} beans count), used by every Vaadin service of the context.
 */
@Component
class RouteInstantiation implements InstantiatorFactory {

    private final ApplicationContext context;

    RouteInstantiation(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public Instantiator createInstantitor(VaadinService service) {
        return new NonBeansCreatedDirectly(service, context);
    }

    static final class NonBeansCreatedDirectly extends SpringInstantiator {

        private final transient ApplicationContext context;

        NonBeansCreatedDirectly(VaadinService service, ApplicationContext context) {
            super(service, context);
            this.context = context;
        }

        @Override
        public <T> T getOrCreate(Class<T> type) {
            if (BeanFactoryUtils.beanNamesForTypeIncludingAncestors(context, type).length == 0) {
                return context.getAutowireCapableBeanFactory().createBean(type);
            }
            return super.getOrCreate(type);
        }
    }
}
