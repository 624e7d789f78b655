/**
 * The Buckets section: the list of the account's data buckets, the form that creates or changes one, and a bucket's
 * page with its live chart, its records, export, clear and delete.
 */
package io.devicehub.console.buckets;
