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

    ToDoController(Access access, ToDo todo) {
        this.access = access;
        this.todo = todo;
    }

    @GetMapping("/api/reviews")
    Answer reviews() {
        ToDo.Listing listing = todo.of(access.caller());
        return new Answer(listing.items(), listing.inbox().toReview(), listing.inbox().escalated());
    }
}
