package com.aiassistants.gateway.lease;

/** Told when this instance becomes the single active writer or falls back to standby. */
public interface LeaseListener {

    void onActive();

    void onStandby();
}
