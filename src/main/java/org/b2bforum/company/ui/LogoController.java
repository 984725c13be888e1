package org.b2bforum.company.ui;

import java.time.Duration;

import org.b2bforum.company.LogoService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves company logos to logged-in users, so that browsers can cache them. */
@RestController
class LogoController {

    private final LogoService logos;

    LogoController(LogoService logos) {
        this.logos = logos;
    }

    @GetMapping("/logos/{companyId}.png")
    ResponseEntity<byte[]> logo(@PathVariable long companyId) {
        return logos.logo(companyId)
                .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate()).body(png))
                .orElse(ResponseEntity.notFound().build());
    }

    static String url(long companyId, long version) {
        return "logos/" + companyId + ".png?v=" + version;
    }
}
