package com.agentnexus.execution.runner.docker;

import com.agentnexus.events.ExecutionId;
import com.agentnexus.execution.runner.Leftovers;
import com.github.dockerjava.api.model.Container;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the containers labelled with an execution's id and force-removes them (killing
 * them if they run).
 */
public final class DockerLeftovers implements Leftovers {

    private static final Logger log = LoggerFactory.getLogger(DockerLeftovers.class);

    private final DockerEngine engine;

    public DockerLeftovers(DockerEngine engine) {
        this.engine = engine;
    }

    @Override
    public void removeLeftovers(ExecutionId id) {
        List<Container> containers;
        try {
            containers = engine.calls()
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(ContainerSpec.LABEL_EXECUTION, id.toString()))
                .exec();
        }
        catch (RuntimeException e) {
            // auto mode without an engine, or an engine that is down: nothing can be
            // listed, nothing is lost
            log.warn("could not look for leftover containers of execution {}: {}", id, DockerEngine.describe(e));
            return;
        }
        for (Container container : containers) {
            log.info("removing leftover container {} of execution {} (state {})", container.getId(), id,
                    container.getState());
            ContainerRun.remove(engine, container.getId());
        }
    }

}
