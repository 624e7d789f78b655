/**
 * The database: the application's data source (embedded H2 by default, MySQL/MariaDB by configuration), the schema
 * migrations from {@code src-db} applied at start-up, and how the data source class follows the URL.
 */
package io.devicehub.database;
