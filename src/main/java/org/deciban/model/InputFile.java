package org.deciban.model;

/**
 * One file a case was read from, for provenance.
 *
 * @param path   path relative to the project root, with '/' separators
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 */
public record InputFile(String path, String sha256) {
}
