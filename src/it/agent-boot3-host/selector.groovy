// Runs this host only where the JDK that invoker.properties names is installed: skipped
// with what to install on a laptop, a failure in CI.
def properties = new Properties()
new File(basedir, 'invoker.properties').withInputStream { properties.load(it) }
def javaHome = properties.getProperty('invoker.environmentVariables.JAVA_HOME')
if (new File(javaHome, 'bin/java').canExecute()) {
    return true
}
def message = "No JDK at ${javaHome}, which this host runs on; install it with: apt-get install openjdk-17-jdk-headless"
if (System.getenv('CI')) {
    throw new IllegalStateException(message)
}
println "Skipped: ${message}"
return false
