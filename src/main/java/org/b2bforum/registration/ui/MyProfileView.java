package org.b2bforum.registration.ui;

import java.util.Optional;

import org.b2bforum.base.security.Role;
import org.b2bforum.base.ui.ApprovedCompaniesOnly;
import org.b2bforum.base.ui.Notices;
import org.b2bforum.company.LogoRejectedException;
import org.b2bforum.company.LogoService;
import org.b2bforum.registration.IdentityChanges;
import org.b2bforum.registration.IdentityProposal;
import org.b2bforum.registration.InvalidRegistrationException;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.registration.RegistrationStateException;
import org.b2bforum.registration.RegistrationValidator;

import org.b2bforum.base.ui.ComponentTexts;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;

import jakarta.annotation.security.RolesAllowed;

/**
 * An approved company edits its profile and logo. A new name, country or tax number is a proposal the forum office
 * decides, shown here until then with a way to withdraw it (mend53a); other changes apply at once.
 */
@Route("my-profile")
@Menu(title = "menu.my-profile", icon = "BUILDING", order = 5)
@RolesAllowed(Role.COMPANY_NAME)
@ApprovedCompaniesOnly
class MyProfileView extends VerticalLayout implements HasDynamicTitle {

    private final RegistrationService registrations;
    private final LogoService logos;
    private final IdentityChanges identityChanges;
    /** The proposal awaiting the office, with "Withdraw"; empty and hidden when there is none. */
    final Div proposal = new Div();
    final RegistrationFormLayout form = new RegistrationFormLayout(RegistrationValidator.Mode.EDIT);
    final Button save = new Button(getTranslation("action.save"));
    final Span logoError = new Span();
    private final Div logoBox = new Div();
    private final Upload upload;
    final HorizontalLayout logoRow;

    MyProfileView(RegistrationService registrations, LogoService logos, IdentityChanges identityChanges) {
        this.registrations = registrations;
        this.logos = logos;
        this.identityChanges = identityChanges;
        proposal.setId("identity-proposal");
        proposal.addClassName("identity-proposal");
        showProposal();
        addClassName("page");
        form.fill(registrations.myApplicationForm());

        save.setId("save-profile");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());

        logoError.setId("logo-error");
        logoError.addClassName("field-error");
        logoError.setVisible(false);
        logoBox.addClassName("logo-box");
        showLogo();

        upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            UI ui = UI.getCurrent();
            ui.access(() -> uploaded(bytes));
        }));
        upload.setId("logo-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(LogoService.MAX_BYTES);
        upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        upload.addFileRejectedListener(e -> showLogoError("logo.error.too-large-or-type"));
        upload.setUploadButton(new Button(getTranslation("logo.upload")));
        ComponentTexts.localize(upload);
        logoRow = new HorizontalLayout(logoBox, upload);
        logoRow.setWrap(true); // on a phone the upload goes under the logo: side by side they were wider than the page

        add(new H1(getTranslation("menu.my-profile")), new Paragraph(getTranslation("my-profile.intro")), proposal,
                new H2(getTranslation("logo.title")), logoRow, logoError,
                new Paragraph(getTranslation("logo.hint")), form, save);
    }

    void uploaded(byte[] bytes) {
        try {
            logos.upload(bytes);
            logoError.setVisible(false);
            showLogo();
            Notices.success(getTranslation("logo.saved"));
        } catch (LogoRejectedException e) {
            upload.clearFileList(); // the refused file leaves room for another
            showLogoError(e.key());
        }
    }

    private void showLogoError(String key) {
        logoError.setText(getTranslation(key));
        logoError.setVisible(true);
    }

    private void showLogo() {
        logoBox.removeAll();
        Optional<byte[]> logo = logos.logo(registrations.myRegistration().id());
        logo.ifPresentOrElse(png -> {
            Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new java.io.ByteArrayInputStream(png), "logo.png", "image/png", png.length)),
                    getTranslation("logo.title"));
            image.setId("logo-image");
            image.setMaxWidth("128px");
            logoBox.add(image);
        }, () -> logoBox.add(new Span(getTranslation("logo.none"))));
    }

    private void save() {
        if (!form.validateNow()) {
            return;
        }
        try {
            if (registrations.updateProfile(form.read())) {
                // saved, and the new name with the office: the note above says which, with the way to take it back
                Notices.success(getTranslation("my-profile.saved-needs-approval"));
            } else {
                Notices.success(getTranslation("my-profile.saved"));
            }
            showProposal(); // the proposal the next save checks against
        } catch (InvalidRegistrationException e) {
            form.showErrors(e.errors());
        } catch (RegistrationStateException e) {
            Notices.error(getTranslation(e.key()));
        }
    }

    /** "New name awaiting the forum office: …" with "Withdraw", while a proposal waits. */
    private void showProposal() {
        proposal.removeAll();
        Optional<IdentityProposal> mine = identityChanges.mine();
        proposal.setVisible(mine.isPresent());
        form.proposalShown(mine.map(IdentityProposal::proposedAt).orElse(null));
        mine.ifPresent(p -> {
            IdentityProposal.Identity to = p.proposed();
            Paragraph text = new Paragraph(getTranslation("identity-change.pending", to.shortName(), to.fullName(),
                    getTranslation(to.country().translationKey()), to.taxNumber()));
            text.setId("identity-proposal-text");
            Button withdraw = new Button(getTranslation("identity-change.withdraw"), e -> withdraw());
            withdraw.setId("withdraw-identity-change");
            proposal.add(text, withdraw);
        });
    }

    void withdraw() {
        try {
            identityChanges.withdraw();
            Notices.done(getTranslation("identity-change.withdrawn"));
            form.fill(registrations.myApplicationForm()); // the approved values, which stay
        } catch (RegistrationStateException e) {
            Notices.error(getTranslation(e.key()));
        }
        showProposal();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.my-profile") + " · " + getTranslation("app.short-title");
    }
}
