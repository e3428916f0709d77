using System.Reflection;
using System.Runtime.Versioning;

namespace QqConnect.Client.Tests.Infrastructure;

/// <summary>
/// Proves which build of QqConnect.Client the tests run against. These tests are compiled into two test
/// projects: QqConnect.Client.Tests (the net10.0 build) and QqConnect.Client.Tests.NetStandard (the
/// netstandard2.0 build, with its own #if code paths); each project names the build it expects in an
/// AssemblyMetadata item.
/// </summary>
public sealed class BuildUnderTestTests
{
    [Fact]
    public void ClientAssembly_IsTheBuildThisTestProjectTargets()
    {
        var expected = typeof(BuildUnderTestTests).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "QqConnect.Client.ExpectedTargetFramework")
            .Value;

        var loaded = typeof(QqConnectClient).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;

        Assert.Equal(expected, loaded);
    }
}
