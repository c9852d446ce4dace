package org.gongzhang.reporting.exchange;

import java.util.List;

/**
 * What checking a file against a book found: a plan when it passed, else its problems. Conflicts
 * are vouchers the book already holds (a file imported twice); problems are everything else.
 *
 * @param plan      the vouchers to write, or null unless the file passed
 * @param problems  rows that cannot be imported, by row
 * @param conflicts vouchers whose 凭证字号 the book already holds in that period, by row
 */
public record ImportCheck(ImportPlan plan, List<FileProblem> problems, List<FileProblem> conflicts) {

    public ImportCheck {
        problems = List.copyOf(problems);
        conflicts = List.copyOf(conflicts);
    }

    public boolean passed() {
        return plan != null;
    }
}
