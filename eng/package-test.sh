#!/usr/bin/env bash
# Package test: packs QqConnect.Client, QqConnect.Client.Testing, QqConnect.AspNetCore,
# QqConnect.AspNetCore.Emulator and QqConnect.AspNetCore.Identity into a temporary feed, then builds a throwaway console app that references the PACKAGES (not the projects) and runs a whole
# QQ login against the in-process emulator (eng/package-test/Program.cs), and a throwaway web app that calls
# AddQqConnect() from the package and runs a login through TestServer, then a Development login through
# UseEmulatorInDevelopment() from the package (eng/package-test/web/Program.cs), and a throwaway app that binds
# QQ users to Identity accounts through QqConnect.AspNetCore.Identity on a SQLite file (eng/package-test/identity/Program.cs).
# Also compiles a netstandard2.0;net8.0 library against the client package, so every lib/ folder of the
# package is used once.
# Self-contained; needs only the .NET SDK and the NuGet registry. Last line: "package test: passed" or
# "package test: FAILED ..."; the exit code is non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/local-feed.sh
source eng/lib/local-feed.sh
repo=$(pwd)
started=$(date +%s)

fail() {
  echo "package test: FAILED ($1)"
  exit 1
}

command -v dotnet >/dev/null || fail "dotnet is not on PATH"

work=$(mktemp -d "${TMPDIR:-/tmp}/qqconnect-package-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
mkdir -p "$feed" "$work/app" "$work/lib" "$work/web" "$work/identity"

echo "== packing into $feed"
for project in src/QqConnect.Client src/QqConnect.Client.Testing src/QqConnect.AspNetCore src/QqConnect.AspNetCore.Emulator src/QqConnect.AspNetCore.Identity; do
  dotnet pack "$project" -c Release -o "$feed" --nologo -v quiet || fail "dotnet pack $project"
done

client=$(find "$feed" -maxdepth 1 -name 'QqConnect.Client.[0-9]*.nupkg' | head -n1)
[ -n "$client" ] || fail "no QqConnect.Client .nupkg was produced"
version=$(basename "$client" .nupkg)
version=${version#QqConnect.Client.}
for file in "QqConnect.Client.$version.snupkg" "QqConnect.Client.Testing.$version.nupkg" "QqConnect.Client.Testing.$version.snupkg" \
            "QqConnect.AspNetCore.$version.nupkg" "QqConnect.AspNetCore.$version.snupkg" \
            "QqConnect.AspNetCore.Emulator.$version.nupkg" "QqConnect.AspNetCore.Emulator.$version.snupkg" \
            "QqConnect.AspNetCore.Identity.$version.nupkg" "QqConnect.AspNetCore.Identity.$version.snupkg"; do
  [ -f "$feed/$file" ] || fail "$file is missing"
done
echo "version $version"

# Every target framework, its XML docs and the package readme must be in the package.
listing=$(cd "$feed" && unzip -Z1 "QqConnect.Client.$version.nupkg")
for entry in README.md lib/netstandard2.0/QqConnect.Client.dll lib/netstandard2.0/QqConnect.Client.xml \
             lib/net8.0/QqConnect.Client.dll lib/net8.0/QqConnect.Client.xml \
             lib/net10.0/QqConnect.Client.dll lib/net10.0/QqConnect.Client.xml; do
  grep -qx "$entry" <<<"$listing" || fail "$entry is not in QqConnect.Client.$version.nupkg"
done

listing=$(cd "$feed" && unzip -Z1 "QqConnect.AspNetCore.$version.nupkg")
for entry in README.md lib/net8.0/QqConnect.AspNetCore.dll lib/net8.0/QqConnect.AspNetCore.xml \
             lib/net10.0/QqConnect.AspNetCore.dll lib/net10.0/QqConnect.AspNetCore.xml; do
  grep -qx "$entry" <<<"$listing" || fail "$entry is not in QqConnect.AspNetCore.$version.nupkg"
done
nuspec=$(cd "$feed" && unzip -p "QqConnect.AspNetCore.$version.nupkg" QqConnect.AspNetCore.nuspec)
grep -q "<dependency id=\"QqConnect.Client\" version=\"$version\"" <<<"$nuspec" || fail "QqConnect.AspNetCore does not depend on QqConnect.Client $version"
grep -q '<frameworkReference name="Microsoft.AspNetCore.App"' <<<"$nuspec" || fail "QqConnect.AspNetCore lacks its Microsoft.AspNetCore.App framework reference"

listing=$(cd "$feed" && unzip -Z1 "QqConnect.AspNetCore.Emulator.$version.nupkg")
for entry in README.md lib/net8.0/QqConnect.AspNetCore.Emulator.dll lib/net8.0/QqConnect.AspNetCore.Emulator.xml \
             lib/net10.0/QqConnect.AspNetCore.Emulator.dll lib/net10.0/QqConnect.AspNetCore.Emulator.xml; do
  grep -qx "$entry" <<<"$listing" || fail "$entry is not in QqConnect.AspNetCore.Emulator.$version.nupkg"
done
nuspec=$(cd "$feed" && unzip -p "QqConnect.AspNetCore.Emulator.$version.nupkg" QqConnect.AspNetCore.Emulator.nuspec)
for dependency in QqConnect.AspNetCore QqConnect.Client.Testing; do
  grep -q "<dependency id=\"$dependency\" version=\"$version\"" <<<"$nuspec" || fail "QqConnect.AspNetCore.Emulator does not depend on $dependency $version"
done

listing=$(cd "$feed" && unzip -Z1 "QqConnect.AspNetCore.Identity.$version.nupkg")
for entry in README.md lib/net8.0/QqConnect.AspNetCore.Identity.dll lib/net8.0/QqConnect.AspNetCore.Identity.xml \
             lib/net10.0/QqConnect.AspNetCore.Identity.dll lib/net10.0/QqConnect.AspNetCore.Identity.xml; do
  grep -qx "$entry" <<<"$listing" || fail "$entry is not in QqConnect.AspNetCore.Identity.$version.nupkg"
done
nuspec=$(cd "$feed" && unzip -p "QqConnect.AspNetCore.Identity.$version.nupkg" QqConnect.AspNetCore.Identity.nuspec)
grep -q "<dependency id=\"QqConnect.AspNetCore\" version=\"$version\"" <<<"$nuspec" || fail "QqConnect.AspNetCore.Identity does not depend on QqConnect.AspNetCore $version"
# Each target framework asks for Identity's EF Core stores of its own line, from the line's lowest version served.
for pair in net8.0=8.0.30 net10.0=10.0.0; do
  group=$(awk -v tfm="${pair%%=*}" 'index($0, "targetFramework=\"" tfm "\"") {on=1} on {print} /<\/group>/ {on=0}' <<<"$nuspec")
  grep -q "<dependency id=\"Microsoft.AspNetCore.Identity.EntityFrameworkCore\" version=\"${pair#*=}\"" <<<"$group" \
    || fail "QqConnect.AspNetCore.Identity for ${pair%%=*} does not depend on Identity's EF Core stores ${pair#*=}"
done

# QqConnect.* only from the temporary feed, everything else from the registry (eng/lib/local-feed.sh).
write_local_feed_config "$work" "$feed"

# A consumer project: write_consumer FILE SDK exe|lib FRAMEWORK[;FRAMEWORK] PACKAGE=VERSION...
write_consumer() {
  local file=$1 sdk=$2 kind=$3 frameworks=$4
  shift 4
  {
    printf '<Project Sdk="%s">\n  <PropertyGroup>\n' "$sdk"
    if [ "$kind" = exe ]; then
      printf '    <OutputType>Exe</OutputType>\n    <ImplicitUsings>enable</ImplicitUsings>\n'
    else
      printf '    <LangVersion>latest</LangVersion>\n'
    fi
    if [[ $frameworks == *";"* ]]; then
      printf '    <TargetFrameworks>%s</TargetFrameworks>\n' "$frameworks"
    else
      printf '    <TargetFramework>%s</TargetFramework>\n' "$frameworks"
    fi
    printf '    <Nullable>enable</Nullable>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n    <NuGetAudit>false</NuGetAudit>\n'
    printf '  </PropertyGroup>\n  <ItemGroup>\n'
    local reference
    for reference in "$@"; do
      printf '    <PackageReference Include="%s" Version="%s" />\n' "${reference%%=*}" "${reference#*=}"
    done
    printf '  </ItemGroup>\n</Project>\n'
  } > "$file"
}

write_consumer "$work/app/PackageConsumer.csproj" Microsoft.NET.Sdk exe net10.0 \
  "QqConnect.Client=[$version]" "QqConnect.Client.Testing=[$version]" "Microsoft.Extensions.DependencyInjection=8.0.1"
cp eng/package-test/Program.cs "$work/app/Program.cs"

write_consumer "$work/lib/PackageConsumerLibrary.csproj" Microsoft.NET.Sdk lib "netstandard2.0;net8.0" "QqConnect.Client=[$version]"
cat > "$work/lib/Login.cs" <<'CS'
using System;
using System.Threading.Tasks;
using QqConnect.Client;

public static class Login
{
    public static async Task<string> NicknameAsync(IQqConnectClient qq, string code)
    {
        var token = await qq.ExchangeCodeAsync(code).ConfigureAwait(false);
        var who = await qq.GetOpenIdAsync(token.AccessToken).ConfigureAwait(false);
        var user = await qq.GetUserInfoAsync(token.AccessToken, who.OpenId).ConfigureAwait(false);
        return user.Nickname;
    }

    public static Uri Start(QqConnectOptions options) => new QqConnectClient(options).BuildAuthorizeUrl("state");
}
CS

write_consumer "$work/web/PackageWebConsumer.csproj" Microsoft.NET.Sdk.Web exe net10.0 \
  "QqConnect.AspNetCore=[$version]" "QqConnect.AspNetCore.Emulator=[$version]" "QqConnect.Client.Testing=[$version]" "Microsoft.AspNetCore.TestHost=10.0.15"
cp eng/package-test/web/Program.cs "$work/web/Program.cs"
cp tests/Shared/CookieJarHandler.cs "$work/web/CookieJarHandler.cs"

write_consumer "$work/identity/PackageIdentityConsumer.csproj" Microsoft.NET.Sdk.Web exe net10.0 \
  "QqConnect.AspNetCore.Identity=[$version]" "Microsoft.EntityFrameworkCore.Sqlite=10.0.15"
cp eng/package-test/identity/Program.cs "$work/identity/Program.cs"

echo "== building a netstandard2.0;net8.0 library against the package"
(cd "$work/lib" && dotnet build -c Release --nologo -v quiet) || fail "the library consumer does not build"

echo "== running the console consumer"
(cd "$work/app" && dotnet run -c Release -- "$version") || fail "the console consumer failed"

echo "== running the web consumer (AddQqConnect() and UseEmulatorInDevelopment() from the packages)"
(cd "$work/web" && dotnet run -c Release) || fail "the web consumer failed"

echo "== running the Identity consumer (AddQqConnectAccounts() and MapQqConnectAccounts() from the package)"
(cd "$work/identity" && dotnet run -c Release) || fail "the Identity consumer failed"

echo "package test took $(( $(date +%s) - started )) s"
echo "package test: passed"
