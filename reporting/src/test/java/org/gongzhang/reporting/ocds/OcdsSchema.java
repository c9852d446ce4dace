package org.gongzhang.reporting.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The official OCDS 1.1.5 schemas and codelists (Apache-2.0), copied into the test resources
 * ({@code ocds-1.1.5/}). The package schema's {@code $ref} to the release schema resolves to the copy,
 * so validation never touches the network. Draft-04, with format assertions (date-time, uri) on.
 */
final class OcdsSchema {

    private static final String PUBLISHED_AT = "https://standard.open-contracting.org/schema/1__1__5/";
    private static final JsonSchema RELEASE_PACKAGE = JsonSchemaFactory
            .getInstance(SpecVersion.VersionFlag.V4,
                    builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(PUBLISHED_AT, "classpath:ocds-1.1.5/")))
            .getSchema(SchemaLocation.of(PUBLISHED_AT + "release-package-schema.json"),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    private OcdsSchema() {
    }

    /** What the release package schema (and through it the release schema) finds wrong; empty when valid. */
    static Set<ValidationMessage> validate(JsonNode releasePackage) {
        return RELEASE_PACKAGE.validate(releasePackage);
    }

    /** The codes of a codelist CSV, read from its {@code Code} column. */
    static Set<String> codelist(String name) {
        try (InputStream in = OcdsSchema.class.getResourceAsStream("/ocds-1.1.5/codelists/" + name)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            int code = Arrays.asList(lines.get(0).split(",")).indexOf("Code");
            List<String> codes = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                if (cells.length > code && !cells[code].isEmpty()) {
                    codes.add(cells[code]);
                }
            }
            return codes.stream().collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
