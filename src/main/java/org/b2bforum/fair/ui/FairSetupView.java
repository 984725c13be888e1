package org.b2bforum.fair.ui;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.base.ui.PhoneColumns;
import org.b2bforum.company.Cities;
import org.b2bforum.fair.CompanyChoice;
import org.b2bforum.fair.FairMapFilter;
import org.b2bforum.fair.FairRefusedException;
import org.b2bforum.fair.FairService;
import org.b2bforum.fair.FairStand;
import org.b2bforum.fair.FairZone;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Organizers set up the fair: zones (listed, renamed, removed while they have no stands), numbered stands placed on
 * each zone's grid, and which approved company exhibits at which stand. Every refusal is said next to the field it
 * concerns.
 */
@Route("fair/setup")
@Menu(title = "menu.fair-setup", icon = "GRID_BIG", order = 11)
@RolesAllowed(Role.ORGANIZER_NAME)
@StyleSheet("styles/fair.css")
class FairSetupView extends VerticalLayout implements HasDynamicTitle {

    final TextField zoneRu = new TextField();
    final TextField zoneEn = new TextField();
    final Button addZone = new Button();

    final ComboBox<FairZone> standZone = new ComboBox<>();
    final TextField standNumber = new TextField();
    final IntegerField standRow = new IntegerField();
    final IntegerField standColumn = new IntegerField();
    final Button addStand = new Button();

    final ComboBox<FairStand> assignStand = new ComboBox<>();
    final ComboBox<CompanyChoice> assignCompany = new ComboBox<>();
    final Button assign = new Button();

    final Grid<FairStand> stands = new Grid<>();
    final Grid<FairZone> zones = new Grid<>();
    private Map<Long, Long> standsByZone = Map.of();

    private final FairService fair;

    FairSetupView(FairService fair) {
        this.fair = fair;
        addClassName("page");
        addClassName("fair-setup-view");

        zoneRu.setId("zone-name-ru");
        zoneRu.setLabel(getTranslation("fair.setup.zone.ru"));
        zoneEn.setId("zone-name-en");
        zoneEn.setLabel(getTranslation("fair.setup.zone.en"));
        addZone.setId("add-zone");
        addZone.setText(getTranslation("fair.setup.zone.add"));
        addZone.addClickListener(e -> addZone());

        standZone.setId("stand-zone");
        standZone.setLabel(getTranslation("fair.setup.stand.zone"));
        standZone.setItemLabelGenerator(z -> z.name(getLocale()));
        standNumber.setId("stand-number");
        standNumber.setLabel(getTranslation("fair.setup.stand.number"));
        standNumber.setPlaceholder("B-14");
        standRow.setId("stand-row");
        standRow.setLabel(getTranslation("fair.setup.stand.row"));
        standColumn.setId("stand-column");
        standColumn.setLabel(getTranslation("fair.setup.stand.column"));
        for (IntegerField field : List.of(standRow, standColumn)) {
            field.setMin(1);
            field.setMax(FairService.MAX_GRID);
            field.setStepButtonsVisible(true);
        }
        addStand.setId("add-stand");
        addStand.setText(getTranslation("fair.setup.stand.add"));
        addStand.addClickListener(e -> addStand());

        assignStand.setId("assign-stand");
        assignStand.setLabel(getTranslation("fair.setup.assign.stand"));
        assignStand.setItemLabelGenerator(s -> s.number() + (s.assigned() ? " · " + s.companyName() : ""));
        assignCompany.setId("assign-company");
        assignCompany.setLabel(getTranslation("fair.setup.assign.company"));
        assignCompany.setItemLabelGenerator(c -> c.name() + " · " + Cities.inLanguage(c.city(), this::getTranslation)
                + (c.standNumber() == null ? "" : " · " + getTranslation("fair.stand.label", c.standNumber())));
        assign.setId("assign");
        assign.setText(getTranslation("fair.setup.assign"));
        assign.addThemeVariants(ButtonVariant.PRIMARY);
        assign.addClickListener(e -> assign());

        stands.setId("fair-stands");
        stands.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        // widths of their own: five equal columns left a phone ~40 px for a hall's name
        Grid.Column<FairStand> zone = stands.addColumn(s -> s.zone().name(getLocale()))
                .setHeader(getTranslation("fair.setup.stand.zone")).setWidth("10rem").setFlexGrow(2).setKey("zone");
        stands.addColumn(FairStand::number).setHeader(getTranslation("fair.setup.stand.number")).setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<FairStand> place = stands.addColumn(s -> s.row() + " × " + s.column())
                .setHeader(getTranslation("fair.setup.place")).setAutoWidth(true).setFlexGrow(0).setKey("place");
        // 7rem, grown on a wider screen: at 10rem a phone still cut "Free" at the right edge (ux89)
        stands.addColumn(s -> s.assigned() ? s.companyName() : "—").setHeader(getTranslation("fair.setup.assign.company"))
                .setWidth("7rem").setFlexGrow(2);
        stands.addComponentColumn(s -> {
            if (!s.assigned()) {
                return new Paragraph();
            }
            Button free = new Button(getTranslation("fair.setup.unassign"), VaadinIcon.CLOSE_SMALL.create(),
                    e -> unassign(s));
            free.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            free.setId("unassign-" + s.number());
            return free;
        }).setAutoWidth(true).setFlexGrow(0);
        stands.setAllRowsVisible(true);
        // on a phone the stand's number (its zone's letter in it), the exhibitor and "Free": at 390 px the exhibitor and
        // the button were off the screen, the grid scrolled sideways (ux89)
        PhoneColumns.leaveOut(stands, zone, place);

        // the zones were only in the stand form's list: none could be read, renamed or removed here (ux56)
        zones.setId("fair-zones");
        zones.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        // one column for both names, the English one under the Russian: with a column each, a phone lost the buttons
        zones.addComponentColumn(z -> {
            Span en = new Span(z.nameEn());
            en.addClassName("zone-name-en");
            Div names = new Div(new Span(z.nameRu()), en);
            names.addClassName("zone-names");
            return names;
        }).setHeader(getTranslation("fair.setup.stand.zone")).setWidth("7rem").setFlexGrow(1);
        zones.addColumn(z -> standsByZone.getOrDefault(z.id(), 0L)).setHeader(getTranslation("fair.setup.stands"))
                .setAutoWidth(true).setFlexGrow(0);
        zones.addComponentColumn(z -> {
            Button rename = new Button(getTranslation("fair.setup.zone.rename"), VaadinIcon.EDIT.create(),
                    e -> rename(z));
            rename.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            rename.setId("rename-zone-" + z.id());
            Button remove = new Button(getTranslation("fair.setup.zone.remove"), VaadinIcon.TRASH.create(),
                    e -> confirmRemove(z));
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR, ButtonVariant.SMALL);
            remove.setId("remove-zone-" + z.id());
            Div actions = new Div(rename, remove);
            actions.addClassName("zone-actions");
            return actions;
        }).setWidth("10.5rem").setFlexGrow(0); // narrow: the two buttons stack, and a phone shows them (auto width did not)
        zones.setAllRowsVisible(true);

        FormLayout zoneForm = new FormLayout(zoneRu, zoneEn, addZone);
        FormLayout standForm = new FormLayout(standZone, standNumber, standRow, standColumn, addStand);
        FormLayout assignForm = new FormLayout(assignStand, assignCompany, assign);
        add(new H1(getTranslation("menu.fair-setup")), new Paragraph(getTranslation("fair.setup.intro")),
                new H2(getTranslation("fair.setup.zones")), zoneForm, zones,
                new H2(getTranslation("fair.setup.stands")), standForm,
                new H2(getTranslation("fair.setup.assignments")), assignForm, stands);
        reload();
    }

    private void reload() {
        List<FairZone> allZones = fair.zones();
        List<FairStand> all = fair.map(FairMapFilter.everything());
        standsByZone = all.stream().collect(Collectors.groupingBy(s -> s.zone().id(), Collectors.counting()));
        standZone.setItems(allZones);
        zones.setItems(allZones);
        stands.setItems(all);
        assignStand.setItems(all);
        // a page of the companies whose name holds what is typed, read as the list opens: not 2,000 in each tab
        assignCompany.setItems(query -> fair.approvedCompanies(query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream());
    }

    private void addZone() {
        clear(zoneRu);
        try {
            fair.addZone(zoneRu.getValue(), zoneEn.getValue());
            zoneRu.clear();
            zoneEn.clear();
            done();
        } catch (FairRefusedException e) {
            refuse(zoneRu, e);
        }
    }

    private void rename(FairZone zone) {
        Dialog dialog = new Dialog(getTranslation("fair.setup.zone.rename-title", zone.name(getLocale())));
        dialog.setId("rename-zone-dialog");
        TextField ru = new TextField(getTranslation("fair.setup.zone.ru"));
        ru.setId("rename-zone-ru");
        ru.setValue(zone.nameRu());
        TextField en = new TextField(getTranslation("fair.setup.zone.en"));
        en.setId("rename-zone-en");
        en.setValue(zone.nameEn());
        for (TextField field : List.of(ru, en)) {
            field.setWidthFull();
        }
        Button save = new Button(getTranslation("action.save"), e -> {
            clear(ru);
            try {
                fair.renameZone(zone.id(), ru.getValue(), en.getValue());
                dialog.close();
                done();
            } catch (FairRefusedException refused) {
                refuse(ru, refused);
            }
        });
        save.setId("save-zone");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        VerticalLayout body = new VerticalLayout(ru, en);
        body.setPadding(false);
        dialog.add(body);
        dialog.getFooter().add(cancel, save);
        dialog.setWidth("min(100vw, 30em)");
        dialog.open();
    }

    private void confirmRemove(FairZone zone) {
        long count = standsByZone.getOrDefault(zone.id(), 0L);
        if (count > 0) {
            // said at once, before asking: a zone with stands cannot go (the service refuses it too)
            refused(new FairRefusedException("fair.error.zone-has-stands", zone.name(getLocale()), count));
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-remove-zone");
        confirm.setHeader(getTranslation("fair.setup.zone.remove-title", zone.name(getLocale())));
        confirm.setText(getTranslation("fair.setup.zone.remove-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("fair.setup.zone.remove"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> remove(zone));
        confirm.open();
    }

    private void remove(FairZone zone) {
        try {
            fair.removeZone(zone.id());
            done();
        } catch (FairRefusedException e) {
            refused(e);
            reload();
        }
    }

    private void refused(FairRefusedException e) {
        Notices.error(getTranslation(e.key(), e.args()));
    }

    private void addStand() {
        clear(standZone, standNumber, standRow);
        if (standZone.getValue() == null) {
            standZone.setErrorMessage(getTranslation("fair.error.no-zone"));
            standZone.setInvalid(true);
            return;
        }
        if (standRow.getValue() == null || standColumn.getValue() == null) {
            standRow.setErrorMessage(getTranslation("fair.error.stand-place", FairService.MAX_GRID));
            standRow.setInvalid(true);
            return;
        }
        try {
            fair.addStand(standZone.getValue().id(), standNumber.getValue(), standRow.getValue(), standColumn.getValue());
            standNumber.clear();
            done();
        } catch (FairRefusedException e) {
            refuse(e.key().contains("place") ? standRow : standNumber, e);
        }
    }

    private void assign() {
        clear(assignStand, assignCompany);
        if (assignStand.getValue() == null) {
            assignStand.setErrorMessage(getTranslation("fair.error.no-stand"));
            assignStand.setInvalid(true);
            return;
        }
        if (assignCompany.getValue() == null) {
            assignCompany.setErrorMessage(getTranslation("fair.error.choose-company"));
            assignCompany.setInvalid(true);
            return;
        }
        try {
            fair.assign(assignStand.getValue().id(), assignCompany.getValue().id());
            assignStand.clear();
            assignCompany.clear();
            done();
        } catch (FairRefusedException e) {
            refuse(e.key().contains("company") ? assignCompany : assignStand, e);
        }
    }

    private void unassign(FairStand stand) {
        try {
            fair.unassign(stand.id());
            done();
        } catch (FairRefusedException e) {
            refused(e);
        }
    }

    private void done() {
        reload();
        Notices.success(getTranslation("fair.setup.saved"));
    }

    private void refuse(HasValidation field, FairRefusedException e) {
        field.setErrorMessage(getTranslation(e.key(), e.args()));
        field.setInvalid(true);
    }

    private static void clear(HasValidation... fields) {
        for (HasValidation field : fields) {
            field.setInvalid(false);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.fair-setup") + " · " + getTranslation("app.short-title");
    }
}
