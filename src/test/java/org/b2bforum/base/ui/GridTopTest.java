package org.b2bforum.base.ui;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.grid.Grid;

/**
 * Grids scroll to their top through {@link GridTop}, in the browser only: {@link Grid#scrollToStart} and
 * {@link Grid#scrollToIndex} also move the server's viewport and render rows for the response, which cost the
 * directory's search at the booking rush more than twice its time (bench/README.md, stop 41).
 */
class GridTopTest {

    @Test
    void no_page_asks_the_server_side_grid_to_scroll() {
        noClasses().should().callMethodWhere(target(owner(assignableTo(Grid.class)))
                .and(target(nameMatching("scrollTo(Start|Index|Item)"))))
                .because("GridTop scrolls in the browser only")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.b2bforum"));
    }
}
