package org.gongzhang.reporting.exchange;

/**
 * An uploaded file that cannot be read as rows at all: not UTF-8, an unterminated quote, a broken
 * or legacy Excel file. {@link #problem()} says which, and where when it is known.
 */
public final class UnreadableFile extends RuntimeException {

    private final transient FileProblem problem;

    UnreadableFile(FileProblem problem, Throwable cause) {
        super(problem.code() + " at row " + problem.row(), cause);
        this.problem = problem;
    }

    UnreadableFile(FileProblem problem) {
        this(problem, null);
    }

    public FileProblem problem() {
        return problem;
    }
}
