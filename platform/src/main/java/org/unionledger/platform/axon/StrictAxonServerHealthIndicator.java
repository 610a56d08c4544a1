package org.unionledger.platform.axon;

import org.axonframework.actuator.axonserver.AxonServerHealthIndicator;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.actuate.health.Health;

/**
 * Axon Server health that reports DOWN while the default context is not connected. Axon's own indicator reports
 * UP when no connection has been attempted yet, so a service that never reached Axon Server would look healthy.
 */
public class StrictAxonServerHealthIndicator extends AxonServerHealthIndicator {

    private final AxonServerConnectionManager connectionManager;

    public StrictAxonServerHealthIndicator(AxonServerConnectionManager connectionManager) {
        super(connectionManager);
        this.connectionManager = connectionManager;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String context = connectionManager.getDefaultContext();
        // Asking for the connection starts connecting if nothing has tried yet; it never blocks.
        connectionManager.getConnection(context);
        super.doHealthCheck(builder);
        if (!connectionManager.isConnected(context)) {
            builder.down().withDetail("reason", "not connected to Axon Server context '" + context + "'");
        }
    }
}
