package io.flowdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FlowdeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(FlowdeskApplication.class, args);
    }
}
