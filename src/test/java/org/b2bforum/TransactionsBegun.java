package org.b2bforum;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/** The transactions begun on the calling thread while some work runs (to count what a request or a push costs). */
public final class TransactionsBegun {

    /** Work that may throw, as a test's steps do. */
    public interface Work {
        void run() throws Exception;
    }

    private TransactionsBegun() {
    }

    /** The names of the transactions {@code work} began on this thread, in order. */
    public static List<String> during(ApplicationContext context, Work work) throws Exception {
        Thread thread = Thread.currentThread();
        List<String> begun = new CopyOnWriteArrayList<>();
        TransactionExecutionListener listener = new TransactionExecutionListener() {
            @Override
            public void beforeBegin(TransactionExecution transaction) {
                if (Thread.currentThread() == thread) {
                    begun.add(transaction.getTransactionName());
                }
            }
        };
        ConfigurableTransactionManager transactions = context.getBean(ConfigurableTransactionManager.class);
        transactions.addListener(listener);
        try {
            work.run();
        } finally {
            transactions.getTransactionExecutionListeners().remove(listener);
        }
        return begun;
    }
}
