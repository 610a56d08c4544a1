package org.unionledger.query.feed.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhook targets that could reach the server's own host or a cloud metadata service are refused. */
class TargetUrlPolicyTest {

    private final TargetUrlPolicy strict = new TargetUrlPolicy(false, false);

    @Test
    void refusesLoopbackTargets() {
        assertThat(strict.check("http://127.0.0.1:8082/api/members").code()).isEqualTo("TARGET_NOT_ALLOWED");
        assertThat(strict.check("http://127.9.9.9/hook").code()).isEqualTo("TARGET_NOT_ALLOWED");
        assertThat(strict.check("http://localhost/hook").code()).isEqualTo("TARGET_NOT_ALLOWED");
        assertThat(strict.check("http://[::1]:9000/hook").message()).contains("loopback");
    }

    @Test
    void refusesLinkLocalWildcardAndMulticastTargets() {
        assertThat(strict.check("http://169.254.169.254/latest/meta-data").message()).contains("link-local");
        assertThat(strict.check("http://[fe80::1]/hook").message()).contains("link-local");
        assertThat(strict.check("http://0.0.0.0:8082/hook").message()).contains("wildcard");
        assertThat(strict.check("http://224.0.0.1/hook").message()).contains("multicast");
    }

    @Test
    void refusesWhatIsNotAnHttpUrlWithAHost() {
        assertThat(strict.check("ftp://203.0.113.7/hook").code()).isEqualTo("INVALID_TARGET_URL");
        assertThat(strict.check("file:///etc/passwd").code()).isEqualTo("INVALID_TARGET_URL");
        assertThat(strict.check("http://user:pw@203.0.113.7/hook").code()).isEqualTo("INVALID_TARGET_URL");
        assertThat(strict.check("not a url").code()).isEqualTo("INVALID_TARGET_URL");
        assertThat(strict.check("http://no-such-host.invalid/hook").code()).isEqualTo("TARGET_NOT_RESOLVABLE");
    }

    @Test
    void acceptsPublicAndPrivateNetworkTargets() {
        assertThat(strict.check("https://203.0.113.7/hooks/unionledger")).isNull();
        assertThat(strict.check("http://10.20.30.40:8080/payroll")).isNull();
    }

    @Test
    void allowsLoopbackOrLinkLocalOnlyWhenConfiguredTo() {
        assertThat(new TargetUrlPolicy(true, false).check("http://127.0.0.1:9000/hook")).isNull();
        assertThat(new TargetUrlPolicy(true, false).check("http://169.254.169.254/")).isNotNull();
        assertThat(new TargetUrlPolicy(false, true).check("http://169.254.169.254/")).isNull();
        assertThat(new TargetUrlPolicy(false, true).check("http://127.0.0.1/")).isNotNull();
    }
}
