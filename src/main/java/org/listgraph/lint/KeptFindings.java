package org.listgraph.lint;

import java.util.List;
import java.util.Optional;

/**
 * The findings of lists linted by an earlier build, for lists whose findings cannot have changed since (same list,
 * same file, same identity decisions for its entries): the linter takes them instead of linting the list again.
 */
public interface KeptFindings {
    /** The findings kept for list {@code index} of the lists being linted, if it is unchanged. */
    Optional<List<LintFinding>> find(int index);

    /** Notes the findings of list {@code index}, just linted. */
    void keep(int index, List<LintFinding> found);

    /** Nothing kept: every list is linted. */
    static KeptFindings none() {
        return new KeptFindings() {
            @Override
            public Optional<List<LintFinding>> find(int index) {
                return Optional.empty();
            }

            @Override
            public void keep(int index, List<LintFinding> found) {
            }
        };
    }
}
