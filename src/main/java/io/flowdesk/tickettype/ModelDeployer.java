package io.flowdesk.tickettype;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deploys the process models at start-up. Only changed files become a new deployment (duplicate filtering on
 * the deployment name), so a restart with nothing changed deploys nothing and running tickets keep their
 * version. It runs once the engine is built and before the web server takes requests.
 */
@Component
class ModelDeployer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

    private final RepositoryService repositoryService;
    private final ResourcePatternResolver resources;
    private final ModelsProperties properties;

    ModelDeployer(RepositoryService repositoryService, ResourcePatternResolver resources, ModelsProperties properties) {
        this.repositoryService = repositoryService;
        this.resources = resources;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, Resource> models = findModels();
        if (models.isEmpty()) {
            log.warn("No process models found at {}", String.join(", ", properties.locations()));
            return;
        }
        DeploymentBuilder deployment = repositoryService.createDeployment()
                .name(properties.deploymentName())
                .source("flowdesk")
                .enableDuplicateFiltering(true);
        models.forEach((name, resource) -> deployment.addInputStream(name, open(resource)));
        Deployment deployed = deployment.deploy();
        log.info("Process models {} ({} files): deployment {}", models.keySet(), models.size(), deployed.getId());
    }

    private Map<String, Resource> findModels() {
        Map<String, Resource> models = new TreeMap<>();
        for (String location : properties.locations()) {
            try {
                for (Resource resource : resources.getResources(location.strip())) {
                    if (resource.isReadable() && resource.getFilename() != null) {
                        models.putIfAbsent(resource.getFilename(), resource);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read process models at " + location, e);
            }
        }
        return models;
    }

    private static InputStream open(Resource resource) {
        try {
            return resource.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
