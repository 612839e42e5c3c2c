package org.impactledger.core.nrrp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.impactledger.core.nrrp.command.ImportBankStatement;
import org.impactledger.core.nrrp.command.ImportBankStatements;
import org.impactledger.core.shared.DomainException;

/**
 * Imports a file's statements in one unit of work, so that a file is all-or-nothing even when it
 * holds several statements (a camt.053 file may, one per account or day): if the bank statement
 * aggregate refuses any of them, the unit of work rolls back and no event of the file is stored.
 * The rules stay in {@link BankStatement}; this class only loads or creates each statement. Infra
 * constructs it with the repository.
 */
public class BankStatementImportHandler {

    private final Repository<BankStatement> statements;

    public BankStatementImportHandler(Repository<BankStatement> statements) {
        this.statements = statements;
    }

    /** @return the ids of the statements, in the file's order */
    @CommandHandler
    public List<String> handle(ImportBankStatements command) {
        if (command.statements() == null || command.statements().isEmpty()) {
            throw DomainException.invalid("statements", "a file needs at least one statement");
        }
        Set<String> seen = new HashSet<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < command.statements().size(); i++) {
            ImportBankStatement statement = command.statements().get(i);
            if (statement == null || statement.statementId() == null) {
                throw DomainException.invalid("statements[" + i + "].statementId", "statementId is required");
            }
            String id = statement.statementId().value();
            if (!seen.add(id)) {
                throw DomainException.invalid("statements[" + i + "].statementId", "statement " + id + " appears twice in the file");
            }
            Aggregate<BankStatement> existing;
            try {
                existing = statements.load(id);
            } catch (AggregateNotFoundException notYet) {
                existing = null;
            }
            if (existing != null) {
                existing.execute(s -> s.handle(statement));
            } else {
                try {
                    statements.newInstance(() -> {
                        BankStatement fresh = new BankStatement();
                        fresh.handle(statement);
                        return fresh;
                    });
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            ids.add(id);
        }
        return ids;
    }
}
