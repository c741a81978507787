package com.aiassistants.backend.assistant;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import com.aiassistants.backend.assistant.dialogue.DialogueState;

/**
 * The assistant's shape: no class takes part in a dependency cycle (each top-level class with its
 * nested types is one slice), and the dialogue state changes only through its own methods.
 */
@AnalyzeClasses(packages = "com.aiassistants.backend.assistant", importOptions = ImportOption.DoNotIncludeTests.class)
class AssistantArchitectureTest {

    private static final SliceAssignment EACH_CLASS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            if (!javaClass.getPackageName().startsWith("com.aiassistants.backend.assistant")) {
                return SliceIdentifier.ignore();
            }
            String name = javaClass.getName();
            int nested = name.indexOf('$');
            return SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
        }

        @Override
        public String getDescription() {
            return "each top-level class of the assistant";
        }
    };

    @ArchTest
    static final ArchRule noClassIsInACycle = slices().assignedFrom(EACH_CLASS).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noPackageIsInACycle = slices().matching("com.aiassistants.backend.assistant.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theStateHasNoPublicMutableFields = fields().that().areDeclaredIn(DialogueState.class)
            .should().bePrivate().orShould().haveModifier(JavaModifier.FINAL);
}
