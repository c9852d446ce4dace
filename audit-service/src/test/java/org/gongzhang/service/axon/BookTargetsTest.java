package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.BookId;
import org.junit.jupiter.api.Test;

/** The book of an append, as Axon's annotation-reading resolver finds it, and any other command left to that resolver. */
class BookTargetsTest {

    private final BookTargets targets = new BookTargets();
    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    @Test
    void anAppendIsForItsBookWithNoExpectedVersionAsAxonWouldSay() {
        var command = GenericCommandMessage.asCommandMessage(new AppendEntryCommand(new BookId("lanyuan"), null));
        VersionedAggregateIdentifier ours = targets.resolveTarget(command);
        assertThat(ours.getIdentifier()).isEqualTo("lanyuan");
        assertThat(ours.getVersion()).isNull();
        assertThat(ours).isEqualTo(axon.resolveTarget(command));
    }

    @Test
    void anyOtherCommandIsResolvedByItsAnnotation() {
        var command = GenericCommandMessage.asCommandMessage(new Other("guiyuan"));
        assertThat(targets.resolveTarget(command).getIdentifier()).isEqualTo("guiyuan");
    }

    record Other(@TargetAggregateIdentifier String book) {
    }
}
