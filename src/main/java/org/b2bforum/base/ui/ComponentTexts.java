package org.b2bforum.base.ui;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBoxI18n;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

/**
 * The texts Vaadin's components bring with them ("Show password", month names, upload errors) in
 * the UI's language: left alone they stay English in the Russian UI, and a screen reader reads
 * them out. Translations come from the usual files ({@code a11y.*}).
 */
public final class ComponentTexts {

    /** The password field's reveal button is named by its web component's {@code i18n.reveal}. */
    private static final String REVEAL = "this.i18n = Object.assign({}, this.i18n, {reveal: $0})";

    private ComponentTexts() {
    }

    public static void revealButtons(PasswordField... fields) {
        for (PasswordField field : fields) {
            field.getElement().executeJs(REVEAL, field.getTranslation("a11y.show-password"));
        }
    }

    /** The log-in form makes its password field itself, once it has rendered. */
    public static void revealButton(LoginForm form) {
        form.getElement().executeJs("""
                const text = $0;
                customElements.whenDefined('vaadin-login-form').then(() => Promise.resolve(this.updateComplete))
                    .then(() => {
                      const field = this.querySelector('vaadin-password-field');
                      if (field) {
                        field.i18n = Object.assign({}, field.i18n, {reveal: text});
                      }
                    });""", form.getTranslation("a11y.show-password"));
    }

    /** Month and weekday names from the locale, Monday first as in Russia and Belarus. */
    public static void datePicker(DatePicker picker) {
        picker.setI18n(calendar(picker, picker.getLocale()));
    }

    /** The date part's calendar as {@link #datePicker}: left alone, its months and weekdays are English. */
    public static void dateTimePicker(DateTimePicker picker) {
        picker.setDatePickerI18n(calendar(picker, picker.getLocale()));
    }

    private static DatePicker.DatePickerI18n calendar(Component in, Locale locale) {
        List<String> weekdays = sundayFirst(TextStyle.FULL_STANDALONE, locale);
        List<String> weekdaysShort = sundayFirst(TextStyle.SHORT_STANDALONE, locale);
        return new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE,
                        locale)).toList())
                .setWeekdays(weekdays).setWeekdaysShort(weekdaysShort).setFirstDayOfWeek(1)
                .setToday(in.getTranslation("a11y.today")).setCancel(in.getTranslation("a11y.cancel"));
    }

    /** What a screen reader says as chips are added, removed or cleared; left alone it says it in English. */
    public static void multiSelect(MultiSelectComboBox<?> box) {
        box.setI18n(new MultiSelectComboBoxI18n().setCleared(box.getTranslation("a11y.multi-select.cleared"))
                .setFocused(box.getTranslation("a11y.multi-select.focused"))
                .setSelected(box.getTranslation("a11y.multi-select.selected"))
                .setDeselected(box.getTranslation("a11y.multi-select.deselected"))
                .setTotal(box.getTranslation("a11y.multi-select.total")));
    }

    /**
     * Puts an upload in the page's language: the label beside its button (the component's own says "Drop file
     * here" in every language) and its own texts.
     */
    public static void localize(Upload upload) {
        upload.setDropLabel(new Span(upload.getTranslation("upload.drop")));
        upload.setI18n(texts(upload));
    }

    /** The upload's own texts: statuses, errors and the file's buttons. */
    static UploadI18N texts(Component in) {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(in.getTranslation("a11y.upload.add-file"))
                .setMany(in.getTranslation("a11y.upload.add-file")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(in.getTranslation("a11y.upload.drop-file"))
                .setMany(in.getTranslation("a11y.upload.drop-file")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(in.getTranslation("a11y.upload.too-many"))
                .setFileIsTooBig(in.getTranslation("a11y.upload.too-big"))
                .setIncorrectFileType(in.getTranslation("a11y.upload.wrong-type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(in.getTranslation("a11y.upload.connecting"))
                        .setStalled(in.getTranslation("a11y.upload.stalled"))
                        .setProcessing(in.getTranslation("a11y.upload.processing"))
                        .setHeld(in.getTranslation("a11y.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(in.getTranslation("a11y.upload.remaining"))
                        .setUnknown(in.getTranslation("a11y.upload.remaining-unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(in.getTranslation("a11y.upload.server-unavailable"))
                        .setUnexpectedServerError(in.getTranslation("a11y.upload.failed"))
                        .setForbidden(in.getTranslation("a11y.upload.forbidden"))
                        .setFileTooLarge(in.getTranslation("a11y.upload.too-big"))));
        i18n.setFile(new UploadI18N.File().setRetry(in.getTranslation("a11y.upload.retry"))
                .setStart(in.getTranslation("a11y.upload.start")).setRemove(in.getTranslation("a11y.upload.remove")));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"));
        return i18n;
    }

    private static List<String> sundayFirst(TextStyle style, Locale locale) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(DayOfWeek.SUNDAY),
                Arrays.stream(DayOfWeek.values()).limit(6)).map(d -> d.getDisplayName(style, locale)).toList();
    }
}
