package dev.wawpkit.mock.internal;

import wiremock.org.eclipse.jetty.http.HttpField;
import wiremock.org.eclipse.jetty.http.HttpHeader;
import wiremock.org.eclipse.jetty.http.HttpVersion;
import wiremock.org.eclipse.jetty.io.Connection;
import wiremock.org.eclipse.jetty.io.EndPoint;
import wiremock.org.eclipse.jetty.server.Connector;
import wiremock.org.eclipse.jetty.server.HttpChannelOverHttp;
import wiremock.org.eclipse.jetty.server.HttpConfiguration;
import wiremock.org.eclipse.jetty.server.HttpConnection;
import wiremock.org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * HTTP/1.1 connections that ignore an {@code Upgrade} header not named by {@code Connection:
 * upgrade}, as RFC 9110 section 7.8 has a server do. A proxy that strips hop-by-hop headers forwards
 * such a stray header; Jetty would answer it 400.
 */
final class LenientUpgradeConnectionFactory extends HttpConnectionFactory {

    LenientUpgradeConnectionFactory(HttpConfiguration config) {
        super(config);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection =
                new HttpConnection(getHttpConfiguration(), connector, endPoint, isRecordHttpComplianceViolations()) {
                    @Override
                    protected HttpChannelOverHttp newHttpChannel() {
                        return new Channel(this, getConnector(), getHttpConfiguration(), getEndPoint());
                    }
                };
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        return configure(connection, connector, endPoint);
    }

    /** Holds the Upgrade header back until the headers are complete, and drops it unless Connection names it. */
    private static final class Channel extends HttpChannelOverHttp {
        private HttpField upgrade;
        private boolean connectionUpgrade;

        Channel(HttpConnection connection, Connector connector, HttpConfiguration config, EndPoint endPoint) {
            super(connection, connector, config, endPoint, connection);
        }

        @Override
        public void startRequest(String method, String uri, HttpVersion version) {
            upgrade = null;
            connectionUpgrade = false;
            super.startRequest(method, uri, version);
        }

        @Override
        public void parsedHeader(HttpField field) {
            if (field.getHeader() == HttpHeader.UPGRADE) {
                upgrade = field;
                return;
            }
            if (field.getHeader() == HttpHeader.CONNECTION && field.contains("upgrade")) {
                connectionUpgrade = true;
            }
            super.parsedHeader(field);
        }

        @Override
        public boolean headerComplete() {
            if (upgrade != null && connectionUpgrade) {
                super.parsedHeader(upgrade);
            }
            upgrade = null;
            return super.headerComplete();
        }
    }
}
