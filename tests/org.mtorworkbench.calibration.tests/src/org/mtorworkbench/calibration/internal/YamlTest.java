package org.mtorworkbench.calibration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.calibration.PetabException;

/** The YAML subset of PEtab files, and its errors with file and line. */
class YamlTest {

    private static final Path F = Path.of("problem.yaml");

    private static List<String> texts(Yaml.Node n) {
        return ((Yaml.Seq) n).items().stream().map(i -> ((Yaml.Scalar) i).text()).toList();
    }

    @Test
    void readsAVersion1ProblemWithASequenceAtItsKeysIndentation() throws Exception {
        Yaml.MapNode m = Yaml.parse("""
                format_version: 1   # a comment
                parameter_file: params.tsv
                problems:
                - condition_files:
                  - conditions.tsv
                  measurement_files:
                    - 'meas #1.tsv'
                  sbml_files: [model.xml, "other.xml"]
                  observable_files: []
                """, F);
        assertEquals("1", ((Yaml.Scalar) m.entries().get("format_version")).text());
        Yaml.MapNode p = (Yaml.MapNode) ((Yaml.Seq) m.entries().get("problems")).items().get(0);
        assertEquals(List.of("conditions.tsv"), texts(p.entries().get("condition_files")));
        assertEquals(List.of("meas #1.tsv"), texts(p.entries().get("measurement_files")));
        assertEquals(List.of("model.xml", "other.xml"), texts(p.entries().get("sbml_files")));
        assertEquals(List.of(), texts(p.entries().get("observable_files")));
        assertEquals(7, p.entries().get("measurement_files").line(), "a block sequence starts at its first item");
    }

    @Test
    void readsNestedMappingsOfVersion2() throws Exception {
        Yaml.MapNode m = Yaml.parse("""
                format_version: 2.0.0
                model_files:
                  model_0:
                    language: sbml
                    location: _model.xml
                log_prior:
                  p1: -0.69314718055995
                """, F);
        Yaml.MapNode model = (Yaml.MapNode) ((Yaml.MapNode) m.entries().get("model_files")).entries().get("model_0");
        assertEquals("_model.xml", ((Yaml.Scalar) model.entries().get("location")).text());
        assertEquals("-0.69314718055995",
                ((Yaml.Scalar) ((Yaml.MapNode) m.entries().get("log_prior")).entries().get("p1")).text());
    }

    @Test
    void badInputNamesTheLineAndWhatToDo() {
        PetabException dup = assertThrows(PetabException.class, () -> Yaml.parse("a: 1\nb: 2\na: 3\n", F));
        assertTrue(dup.getMessage().startsWith("problem.yaml:3: "), dup.getMessage());
        assertTrue(dup.getMessage().contains("'a' appears twice"), dup.getMessage());

        PetabException indent = assertThrows(PetabException.class, () -> Yaml.parse("a: 1\n   b: 2\n", F));
        assertEquals(2, indent.line());

        PetabException tab = assertThrows(PetabException.class, () -> Yaml.parse("a:\n\t- x\n", F));
        assertTrue(tab.getMessage().contains("tab"), tab.getMessage());

        PetabException anchor = assertThrows(PetabException.class, () -> Yaml.parse("a: &x 1\n", F));
        assertTrue(anchor.getMessage().contains("anchors"), anchor.getMessage());

        PetabException quote = assertThrows(PetabException.class, () -> Yaml.parse("a: 'open\n", F));
        assertEquals(1, quote.line());

        PetabException noKey = assertThrows(PetabException.class, () -> Yaml.parse("just text\n", F));
        assertTrue(noKey.getMessage().contains("is not 'key: value'"), noKey.getMessage());
    }
}
