package io.devicehub.console.buckets;

import jakarta.faces.context.FacesContext;

import java.io.IOException;

/** What the pages about one bucket share: a bucket the account does not have is "not found", as for devices. */
final class BucketPages {

    private BucketPages() {
    }

    /** Answers 404 (the not-found page); the same for another account's bucket, whose existence is never revealed. */
    static void notFound() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().responseSendError(404, "Not found");
        faces.responseComplete();
    }
}
