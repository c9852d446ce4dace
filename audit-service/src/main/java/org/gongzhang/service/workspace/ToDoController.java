package org.gongzhang.service.workspace;

import java.util.List;
import org.gongzhang.service.governance.Reviews;
import org.gongzhang.service.security.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 待办 over the API, the same list as the workspace home: {@code todo} is everything waiting for the
 * logged-in person across every book they serve; {@code toReview} and {@code escalated} are the
 * spending-request steps among them with their review deadlines and reminders (待审事项), and the
 * steps escalated to their level (社区 for the community auditor, 街道 for the town officer).
 */
@RestController
class ToDoController {

    /** The answer of {@code GET /api/reviews}. */
    record Answer(List<ToDo.Item> todo, List<Reviews.ReviewItem> toReview, List<Reviews.ReviewItem> escalated) {
    }

    private final Access access;
    private final ToDo todo;
    private final Reviews reviews;

    ToDoController(Access access, ToDo todo, Reviews reviews) {
        this.access = access;
        this.todo = todo;
        this.reviews = reviews;
    }

    @GetMapping("/api/reviews")
    Answer reviews() {
        Reviews.Inbox inbox = reviews.inbox();
        return new Answer(todo.of(access.caller()), inbox.toReview(), inbox.escalated());
    }
}
