package org.b2bforum.schedule.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.b2bforum.base.i18n.Plural;
import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.FigureCard;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.program.ForumDay;
import org.b2bforum.program.BookingWindow;
import org.b2bforum.program.NegotiationSession;
import org.b2bforum.program.ProgramService;
import org.b2bforum.schedule.DayProblem;
import org.b2bforum.schedule.ScheduleRefusedException;
import org.b2bforum.schedule.ScheduleReview;
import org.b2bforum.schedule.ScheduleRun;
import org.b2bforum.schedule.ScheduleRunStatus;
import org.b2bforum.schedule.ScheduleService;
import org.b2bforum.schedule.Wish;
import org.b2bforum.schedule.WishService;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.RolesAllowed;

/**
 * The organizers build a day's schedule from the companies' wishes: the run works in the background
 * (the page polls its progress and stays usable), then they review it — meetings placed and not
 * placed with the reason, breaks, each company's day, table use — and publish it.
 */
@Route("schedule")
@Menu(title = "menu.schedule", icon = "MAGIC", order = 12)
@RolesAllowed(Role.ORGANIZER_NAME)
class ScheduleView extends VerticalLayout implements HasDynamicTitle {

    static final int POLL_MILLIS = 500;
    final Select<ForumDay> day = new Select<>();
    final IntegerField timeLimit = new IntegerField();
    final Button build = new Button();
    final Paragraph input = new Paragraph();
    final Div progress = new Div();
    final ProgressBar progressBar = new ProgressBar();
    final Span progressText = new Span();
    final Button stop = new Button();
    final Div result = new Div();
    /** The schedule's sections (not placed, each company's day, tables, placed): none for a failed or stopped run. */
    final ScheduleSections sections;
    final Paragraph status = new Paragraph();
    final Div figures = FigureCard.grid();
    final Paragraph optimality = new Paragraph();
    /** Why the gap is above d, when the confirmed meetings alone are that far apart. */
    final Paragraph fairness = new Paragraph();
    final Paragraph stale = new Paragraph();
    final Button publish = new Button();
    final Grid<Wish> wishes = new Grid<>();

    private final ScheduleService schedule;
    private final ProgramService program;
    private final BookingWindow bookingWindow;
    private final ScheduleTexts texts;
    private final Clock clock;
    private ScheduleRun shown;
    private Registration polling;

    ScheduleView(ScheduleService schedule, WishService wishService, ProgramService program,
            BookingWindow bookingWindow, ForumTime forumTime, Clock clock) {
        this.schedule = schedule;
        this.program = program;
        this.bookingWindow = bookingWindow;
        this.clock = clock;
        this.texts = new ScheduleTexts(this, forumTime, getLocale());
        addClassName("page");
        addClassName("schedule-page");

        day.setId("schedule-day");
        day.setLabel(getTranslation("schedule.day"));
        day.setItemLabelGenerator(d -> texts.day(d.day()));
        day.setWidth("22em");
        day.addValueChangeListener(e -> showDay());
        timeLimit.setId("schedule-time-limit");
        timeLimit.setLabel(getTranslation("schedule.time-limit"));
        timeLimit.setHelperText(getTranslation("schedule.time-limit.helper"));
        timeLimit.setMin(1);
        timeLimit.setMax(600);
        timeLimit.setStepButtonsVisible(true);
        timeLimit.setValue((int) schedule.defaultTimeLimit().toSeconds());
        build.setText(getTranslation("schedule.build"));
        build.setIcon(VaadinIcon.MAGIC.create());
        build.setId("schedule-build");
        build.addThemeVariants(ButtonVariant.PRIMARY);
        // greyed out from the click until its answer (a slow database took 75 s): a second click queued a second build
        build.setDisableOnClick(true);
        build.addClickListener(e -> startBuild());
        HorizontalLayout controls = new HorizontalLayout(day, timeLimit, build);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        input.setId("schedule-input");
        input.addClassName("hint");

        progress.setId("schedule-progress");
        progressText.setId("schedule-progress-text");
        progressBar.getElement().setAttribute("aria-labelledby", "schedule-progress-text");
        stop.setText(getTranslation("schedule.stop"));
        stop.setIcon(VaadinIcon.STOP.create());
        stop.setId("schedule-stop");
        stop.addThemeVariants(ButtonVariant.ERROR);
        stop.addClickListener(e -> stopBuild());
        // the button on a line of its own: on a phone it sat inside the wrapped progress line
        Div stopLine = new Div(stop);
        stopLine.addClassName("schedule-stop-line");
        progress.add(progressBar, progressText, stopLine);
        progress.setVisible(false);

        status.setId("schedule-status");
        figures.setId("schedule-figures");
        optimality.setId("schedule-optimality");
        optimality.addClassName("schedule-optimality");
        fairness.setId("schedule-fairness");
        fairness.addClassName("schedule-optimality");
        stale.setId("schedule-stale");
        stale.setText(getTranslation("schedule.stale"));
        stale.addClassName("form-error");
        publish.setText(getTranslation("schedule.publish"));
        publish.setIcon(VaadinIcon.CHECK.create());
        publish.setId("schedule-publish");
        publish.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
        // greyed out while its question is open and until the publication has answered: a second click, on a page
        // waiting for a slow database, queued a second publication (ops2 measured a 75 s freeze)
        publish.setDisableOnClick(true);
        publish.addClickListener(e -> confirmPublish());
        sections = new ScheduleSections(texts);
        result.add(status, figures, optimality, fairness, stale, publish, sections);
        result.setId("schedule-result");
        // as wide as the page, not as its widest grid: on a phone the texts and cards wrap, the grids scroll
        result.setWidthFull();
        result.setVisible(false);

        wishes.setId("schedule-wishes");
        wishes.addColumn(Wish::companyName).setHeader(getTranslation("schedule.wish.company")).setFlexGrow(1);
        wishes.addColumn(Wish::targetName).setHeader(getTranslation("schedule.wish.target")).setFlexGrow(1);
        wishes.addColumn(w -> getTranslation(w.priority().translationKey()))
                .setHeader(getTranslation("wishes.priority")).setAutoWidth(true);
        int wishCount = wishService.countAll();
        wishes.setItems(q -> wishService.allWishes(q.getOffset(), q.getLimit()).stream(), q -> wishCount);
        wishes.setHeight("24em");
        Details allWishes = new Details(getTranslation("schedule.wishes", wishCount), wishes);
        allWishes.setId("schedule-wishes-details");

        add(new H1(getTranslation("schedule.title")), new Paragraph(getTranslation("schedule.intro")), controls,
                input, progress, result, allWishes);

        Set<Long> daysWithSessions = program.sessions().stream().map(NegotiationSession::dayId)
                .collect(Collectors.toSet());
        List<ForumDay> days = program.days().stream().filter(d -> daysWithSessions.contains(d.id())).toList();
        day.setItems(days);
        Long runningDay = schedule.runningRun().map(ScheduleRun::dayId).orElse(null);
        days.stream().filter(d -> runningDay == null || d.id() == runningDay).findFirst().ifPresent(day::setValue);
    }

    // ---------------------------------------------------------------- showing

    private void showDay() {
        ForumDay selected = day.getValue();
        if (selected == null) {
            input.setText("");
            show(null);
            return;
        }
        DayProblem problem = schedule.problem(selected.id());
        input.setText(getTranslation("schedule.input", problem.companyIds().size(), problem.slots().size(),
                problem.tableSlots(), problem.wishedMeetings(), problem.mustMeetings(), problem.fixedMeetings()));
        show(schedule.latestRun(selected.id()).orElse(null));
    }

    private void show(ScheduleRun run) {
        shown = run;
        progress.setVisible(run != null && run.running());
        result.setVisible(run != null && !run.running());
        build.setEnabled(run == null || !run.running());
        pollWhile(run != null && run.running());
        if (run == null) {
            return;
        }
        if (run.running()) {
            showProgress(run);
            return;
        }
        status.setText(getTranslation("schedule.run", getTranslation(run.status().translationKey()),
                texts.method(run.scheduler()), run.finishedAt() == null ? "—" : texts.time(run.finishedAt())));
        // a failed run has no schedule: its empty "not placed" list said "every meeting is placed" (a stopped one is
        // not shown: the day's latest run is the one before it, ScheduleService.latestRun)
        sections.setVisible(run.status() != ScheduleRunStatus.FAILED);
        if (run.status() == ScheduleRunStatus.FAILED) {
            status.setText(status.getText() + " — " + (run.error() == null ? "" : run.error()));
            figures.removeAll();
            optimality.setText("");
            fairness.setVisible(false);
            stale.setVisible(false);
            publish.setVisible(false);
            sections.clear();
            return;
        }
        ScheduleReview review = schedule.review(run.id());
        showFigures(review.run(), review.unplaced().size());
        fairness.setVisible(review.unfairBecauseOfConfirmedMeetings());
        fairness.setText(fairness.isVisible() ? getTranslation("schedule.fairness.confirmed",
                review.confirmedMeetingsGap(), ScheduleReview.FAIRNESS) : "");
        stale.setVisible(review.stale());
        publish.setVisible(run.status() == ScheduleRunStatus.DONE);
        publish.setEnabled(!review.stale());
        sections.show(review);
    }

    private void showProgress(ScheduleRun run) {
        double elapsed = run.startedAt() == null ? run.seconds()
                : Math.max(run.seconds(), Duration.between(run.startedAt(), clock.instant()).toMillis() / 1000.0);
        progressBar.setValue(Math.min(1.0, elapsed / Math.max(1, run.timeLimitSeconds())));
        progressText.setText(progressLine(run, elapsed));
    }

    /**
     * The best schedule so far: meetings placed, breaks, and, once the scheduler has proved a bound, how many breaks
     * fewer are possible at most.
     */
    String progressLine(ScheduleRun run, double elapsed) {
        String line = getTranslation("schedule.progress", String.format(Locale.ROOT, "%.1f", elapsed),
                run.timeLimitSeconds(), FigureCard.number(run.placedWishes(), getLocale()),
                FigureCard.number(run.toPlace(), getLocale()),
                run.totalBreaks() == null ? "—" : FigureCard.number(run.totalBreaks(), getLocale()));
        if (run.totalBreaks() == null || run.lowerBound() == null || run.lowerBound() <= 0) {
            return line;
        }
        int better = Math.max(0, run.totalBreaks() - run.lowerBound());
        return line + " · " + (better == 0 ? getTranslation("schedule.progress.bound.none")
                : getTranslation("schedule.progress.bound", FigureCard.number(better, getLocale())));
    }

    void showFigures(ScheduleRun run, int notPlaced) {
        figures.removeAll();
        figures.add(card("figure-placed", FigureCard.number(run.placedWishes(), getLocale()) + " / "
                + FigureCard.number(run.toPlace(), getLocale()), "schedule.figure.placed"),
                card("figure-unplaced", notPlaced, "schedule.figure.unplaced"),
                counted("figure-fixed", run.fixedMeetings(), "schedule.figure.fixed"),
                counted("figure-breaks", run.totalBreaks(), "schedule.figure.breaks"),
                card("figure-max-breaks", value(run.maxBreaks()), "schedule.figure.max-breaks"),
                card("figure-gap", value(run.fairnessGap()), "schedule.figure.gap"),
                card("figure-bound", value(run.lowerBound()), "schedule.figure.bound"),
                card("figure-time", getTranslation("schedule.figure.seconds",
                        String.format(getLocale(), "%.1f", run.seconds())), "schedule.figure.time"));
        optimality.setText(texts.optimality(run.provedOptimal(), notPlaced, run.totalBreaks(), run.lowerBound()));
    }

    private static Object value(Integer figure) {
        return figure == null ? "—" : figure;
    }

    private FigureCard card(String id, Object value, String labelKey) {
        // counts grouped as the page's texts group them ("2 100"): the cards showed "2100"
        return new FigureCard(id, value instanceof Number count ? FigureCard.number(count.longValue(), getLocale())
                : String.valueOf(value), getTranslation(labelKey));
    }

    /** A card whose label agrees with its count: "1 перерыв всего", "3 перерыва всего", "5 перерывов всего". */
    private FigureCard counted(String id, Integer count, String labelKey) {
        return count == null ? card(id, "—", labelKey + ".many")
                : card(id, count, Plural.key(labelKey, count, getLocale()));
    }

    // ---------------------------------------------------------------- actions

    private void startBuild() {
        // enabled again whatever the outcome; show() greys it out again while the build it started runs
        build.setEnabled(true);
        ForumDay selected = day.getValue();
        if (selected == null) {
            day.setInvalid(true);
            return;
        }
        if (timeLimit.getValue() == null || timeLimit.isInvalid()) {
            timeLimit.setInvalid(true);
            return;
        }
        try {
            long runId = schedule.build(selected.id(), Duration.ofSeconds(timeLimit.getValue()));
            show(schedule.run(runId).orElse(null));
        } catch (ScheduleRefusedException e) {
            error(e);
        }
    }

    /** Stops the build shown: nothing is kept; every page showing it sees it stopped at its next poll. */
    private void stopBuild() {
        if (shown == null || !shown.running()) {
            return;
        }
        if (schedule.stop(shown.id())) {
            Notices.done(getTranslation("schedule.stopped"));
        }
        showDay();
    }

    private void confirmPublish() {
        Integer limit = null;
        try { // nothing to publish, or the database away (the frame says it; review73): "Publish" for another try
            limit = shown == null ? null : bookingWindow.settings().meetingLimit();
        } finally {
            publish.setEnabled(limit == null);
        }
        if (limit == null) {
            return;
        }
        Dialog dialog = new Dialog(getTranslation("schedule.publish.title"));
        dialog.setId("publish-dialog");
        Button confirm = new Button(getTranslation("schedule.publish"), e -> {
            dialog.close();
            publish();
        });
        confirm.setDisableOnClick(true);
        // called back ("Cancel", Esc): "Publish" as it was; after "Publish" the publication's answer decides
        dialog.addOpenedChangeListener(e -> publish.setEnabled(!e.isOpened()));
        confirm.setId("confirm-publish");
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.add(new Paragraph(getTranslation("schedule.publish.text", shown.placedWishes())),
                new Paragraph(getTranslation("schedule.publish.limit", limit)));
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private void publish() {
        try {
            int confirmed = schedule.publish(shown.id());
            Notices.success(getTranslation(Plural.key("schedule.published", confirmed, getLocale()), confirmed));
        } catch (ScheduleRefusedException e) {
            error(e);
        } finally {
            // on every outcome, a failure of the database too (the error page says it; the button is not left grey)
            publish.setEnabled(true);
        }
        showDay();
    }

    private void error(ScheduleRefusedException e) {
        Notices.error(getTranslation(e.key(), e.args()));
    }

    // ---------------------------------------------------------------- polling

    /** Called on each poll while a run is in progress: fresh figures, and the result once it is done. */
    private void poll() {
        if (shown == null || !shown.running()) {
            pollWhile(false);
            return;
        }
        ScheduleRun now = schedule.run(shown.id()).orElse(null);
        if (now != null && !now.running()) {
            if (day.getValue() != null && day.getValue().id() != now.dayId()) {
                show(schedule.latestRun(day.getValue().id()).orElse(null));
                return;
            }
            showDay();
            if (now.status() == ScheduleRunStatus.DONE) {
                Notices.success(getTranslation("schedule.done"));
            } else if (now.status() == ScheduleRunStatus.STOPPED) {
                Notices.done(getTranslation("schedule.stopped"));
            }
            return;
        }
        show(now);
    }

    private void pollWhile(boolean running) {
        getUI().ifPresent(ui -> ui.setPollInterval(running ? POLL_MILLIS : -1));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        polling = ui.addPollListener(e -> poll());
        pollWhile(shown != null && shown.running());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("schedule.title") + " · " + getTranslation("app.short-title");
    }
}
