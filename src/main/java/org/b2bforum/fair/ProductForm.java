package org.b2bforum.fair;

import org.b2bforum.company.Sector;

/** What an exhibitor types for a product, in Russian and English. */
public record ProductForm(String nameRu, String nameEn, String descriptionRu, String descriptionEn,
        Sector category) {
}
