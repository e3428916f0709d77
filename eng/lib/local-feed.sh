# Sourced by the scripts that build against the packed packages (eng/package-test.sh, eng/net48-smoke.sh).
#
# write_local_feed_config DIR FEED: writes DIR/nuget.config so that a restore takes QqConnect.* only from the
# folder FEED (a package of the same name from the public registry can never stand in) and everything else
# from the public registry, into a packages folder of its own, DIR/packages (so no stale copy of this version
# from an earlier run is reused).
write_local_feed_config() {
  local dir=$1 feed=$2
  cat > "$dir/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="$dir/packages" />
  </config>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local">
      <package pattern="QqConnect.*" />
    </packageSource>
    <packageSource key="nuget.org">
      <package pattern="*" />
    </packageSource>
  </packageSourceMapping>
</configuration>
XML
}
