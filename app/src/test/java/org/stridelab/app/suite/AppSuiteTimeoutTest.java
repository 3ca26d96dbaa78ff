package org.stridelab.app.suite;

import org.stridelab.engine.suite.SuiteTimeoutTest;

/** The app module's tests run under the default timeout too (its own junit-platform.properties). */
class AppSuiteTimeoutTest extends SuiteTimeoutTest {
}
