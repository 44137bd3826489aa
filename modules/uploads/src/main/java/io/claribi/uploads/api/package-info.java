/**
 * What other contexts may know of uploads: {@link io.claribi.uploads.api.UploadId}, the two read
 * tools ({@link io.claribi.uploads.api.UploadTools}), uploads as sources the gateway lists and
 * reads ({@link io.claribi.uploads.api.UploadSources}), and as files the console manages ({@link
 * io.claribi.uploads.api.UploadedFiles}).
 */
package io.claribi.uploads.api;
