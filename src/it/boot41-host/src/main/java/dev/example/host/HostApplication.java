package dev.example.host;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
@RestController
public class HostApplication {

	static final String HOME = "the Spring Boot 4.1 host's own home page";

	@GetMapping("/")
	String home() {
		return HOME;
	}

	public static void main(String[] args) {
		SpringApplication.run(HostApplication.class, args);
	}

}
