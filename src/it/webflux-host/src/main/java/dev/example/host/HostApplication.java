package dev.example.host;

import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
@RestController
public class HostApplication {

	static final String HOME = "the reactive host's own home page";

	@GetMapping("/")
	Mono<String> home() {
		return Mono.just(HOME);
	}

	public static void main(String[] args) {
		SpringApplication.run(HostApplication.class, args);
	}

}
