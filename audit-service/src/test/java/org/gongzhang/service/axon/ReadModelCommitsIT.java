package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Only the reporting read model's batches commit without waiting for the disk; the log's commits stay
 * durable. How the processors are set up: transactions, tokens, coordinators.
 */
class ReadModelCommitsIT extends ServiceIT {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReadModelNudge nudge;

    @Test
    void theReportingProcessorCommitsAsynchronouslyAndNothingElseDoes() {
        assertThat(settingIn(processing.transactionManager(AxonConfiguration.REPORTING))).isEqualTo("off");
        assertThat(settingIn(processing.transactionManager("checkpoints"))).isEqualTo("on");
        assertThat(settingIn(transactions)).as("commands and appends").isEqualTo("on");
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).as("outside any of them").isEqualTo("on");
    }

    @Test
    void axonsUnitsOfWorkRunInSpringsTransactions() {
        // without JPA, Axon's auto-configuration once left it with no transaction manager at all
        for (TransactionManager manager : java.util.List.of(transactions,
                processing.transactionManager(AxonConfiguration.REPORTING), processing.transactionManager("checkpoints"))) {
            Transaction transaction = manager.startTransaction();
            try {
                assertThat(TransactionSynchronizationManager.isActualTransactionActive()).as(manager.toString()).isTrue();
            } finally {
                transaction.rollback();
            }
        }
    }

    @Test
    void theProcessorsKeepTheirTokensInTheDatabase() {
        // an in-memory token store (Axon's fallback) would rebuild every read model at each start and
        // let two nodes handle the same segment
        assertThat(processing.tokenStore(AxonConfiguration.REPORTING))
                .isInstanceOf(org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore.class);
        assertThat(jdbc.queryForList("select distinct processor_name from token_entry where owner is not null",
                String.class)).contains(AxonConfiguration.REPORTING, "checkpoints", "RequestReviewSagaProcessor",
                        "ObjectionDeadlineSagaProcessor");
    }

    @Test
    void everyPooledProcessorsCoordinatorLooksAgainSoonAfterAFullQueue() throws ReflectiveOperationException {
        var pooled = processing.eventProcessors().values().stream()
                .filter(org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor.class::isInstance).toList();
        assertThat(pooled).extracting(org.axonframework.eventhandling.EventProcessor::getName)
                .contains(AxonConfiguration.REPORTING, "checkpoints", "RequestReviewSagaProcessor");
        for (Object processor : pooled) {
            // Axon gives no accessor: its processor's coordinator, then the coordinator's executor
            Object coordinator = field(processor, "coordinator");
            assertThat(field(coordinator, "executorService")).as(processor.toString()).isInstanceOf(PromptCoordinator.class);
        }
    }

    @Test
    void onlyTheReadModelsLookIsBroughtForwardWhileSomeoneWaits() {
        assertThat(nudge.following()).containsExactly(AxonConfiguration.REPORTING);
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        java.lang.reflect.Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }

    private String settingIn(TransactionManager manager) {
        Transaction transaction = manager.startTransaction();
        try {
            return jdbc.queryForObject("show synchronous_commit", String.class);
        } finally {
            transaction.rollback();
        }
    }
}
