using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QqConnect.Client.Testing;

namespace QqConnect.IntegrationTests;

/// <summary>
/// Runs successes, QQ errors, retries, timeouts and hostile answers through the DI client with every logger
/// at Trace (the SDK's and IHttpClientFactory's), then searches all that was logged and every exception for
/// the app key, the codes and the tokens.
/// </summary>
public sealed class SecretLeakTests
{
    [Fact]
    public async Task EveryScenario_LogsAndExceptionsAtTrace_ContainNoSecret()
    {
        var emulator = new QqConnectEmulator();
        var capture = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        services.AddQqConnectClient(options =>
        {
            options.AppId = QqConnectEmulatorOptions.DefaultAppId;
            options.AppKey = QqConnectEmulatorOptions.DefaultAppKey;
            options.RedirectUri = LoginFlow.RedirectUri;
            options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(1);
        }).ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IQqConnectClient>();
        var secrets = new List<string> { QqConnectEmulatorOptions.DefaultAppKey };
        var messages = new List<string>();

        // A full login and a refresh.
        var code = LoginFlow.Authorize(client, emulator, 0);
        secrets.Add(code);
        var token = await client.ExchangeCodeAsync(code);
        var refreshed = await client.RefreshAsync(token.RefreshToken!);
        secrets.AddRange([token.AccessToken, token.RefreshToken!, refreshed.AccessToken, refreshed.RefreshToken!]);
        var openId = await client.GetOpenIdAsync(refreshed.AccessToken);
        await client.GetUserInfoAsync(refreshed.AccessToken, openId.OpenId);

        // QQ errors: a reused code, a dead refresh token.
        messages.Add((await Assert.ThrowsAsync<QqConnectApiException>(() => client.ExchangeCodeAsync(code))).ToString());
        messages.Add((await Assert.ThrowsAsync<QqConnectApiException>(() => client.RefreshAsync(token.RefreshToken!))).ToString());

        // Retries, a timeout that must not retry, a dropped connection and a hostile answer.
        emulator.Faults.Add(new EmulatorFault { Endpoint = "/oauth2.0/me", Kind = EmulatorFaultKind.ServerError, StatusCode = 503 });
        await client.GetOpenIdAsync(refreshed.AccessToken);
        var lateCode = LoginFlow.Authorize(client, emulator, 1);
        secrets.Add(lateCode);
        emulator.Faults.Add(new EmulatorFault { Endpoint = "/oauth2.0/token", Kind = EmulatorFaultKind.Latency, Phase = EmulatorFaultPhase.AfterProcessing, Delay = TimeSpan.FromSeconds(3) });
        messages.Add((await Assert.ThrowsAsync<QqConnectException>(() => client.ExchangeCodeAsync(lateCode))).ToString());
        emulator.Faults.Add(new EmulatorFault { Endpoint = "/oauth2.0/token", Kind = EmulatorFaultKind.DropConnection, Phase = EmulatorFaultPhase.AfterProcessing });
        messages.Add((await Assert.ThrowsAsync<QqConnectException>(() => client.RefreshAsync(refreshed.RefreshToken!))).ToString());
        emulator.Faults.Add(new EmulatorFault { Endpoint = "/user/get_user_info", Kind = EmulatorFaultKind.CustomBody, Body = $"<html>{refreshed.AccessToken}</html>", Count = 3 });
        messages.Add((await Assert.ThrowsAsync<QqConnectException>(() => client.GetUserInfoAsync(refreshed.AccessToken, openId.OpenId))).ToString());

        var logged = capture.Entries.Select(entry => $"[{entry.Category}] {entry.Text}").ToList();
        Assert.Contains(capture.Entries, entry => entry.EventId.Id == 1);
        Assert.Contains(capture.Entries, entry => entry.EventId.Id == 2);
        Assert.Contains(capture.Entries, entry => entry.EventId.Id == 3);
        Assert.Contains(capture.Entries, entry => entry.EventId.Id == 4);
        foreach (var text in logged.Concat(messages))
        {
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"A secret leaked into: {text.Replace(secret, "<SECRET>", StringComparison.Ordinal)}");
            }
        }
    }
}
