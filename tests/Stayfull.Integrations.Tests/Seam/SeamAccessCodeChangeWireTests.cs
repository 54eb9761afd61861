using System.Text.Json;
using Stayfull.Domain.SmartRooms;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Stayfull.Integrations.Tests.Seam;

/// <summary>The code changes over the wire: a new window, a backup code; exact path, bearer key, JSON fields, error envelope.</summary>
public sealed class SeamAccessCodeChangeWireTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<SeamHarness> ConnectedAsync()
    {
        var harness = await SeamHarness.CreateAsync();
        await harness.ConnectAsync();
        return harness;
    }

    private static void Answer(SeamHarness harness, string path, string json, int status = 200) =>
        harness.Server.Given(Request.Create().WithPath(path).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));

    private static JsonElement OnlyRequest(SeamHarness harness, string path)
    {
        var entry = Assert.Single(harness.Server.LogEntries);
        Assert.Equal("POST", entry.RequestMessage.Method);
        Assert.Equal(path, entry.RequestMessage.Path);
        Assert.Equal($"Bearer {SeamHarness.ApiKey}", entry.RequestMessage.Headers!["Authorization"].Single());
        using var document = JsonDocument.Parse(entry.RequestMessage.Body!);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task UpdateSendsTheCodeAndItsNewWindowAndReturnsTheAttempt()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "/access_codes/update", """
            {"action_attempt":{"action_attempt_id":"aa_9","action_type":"UPDATE_ACCESS_CODE","status":"pending","result":null,"error":null},
             "access_code":{"access_code_id":"ac_1","device_id":"dev_1","status":"setting","errors":[],"warnings":[]},"ok":true}
            """);

        var attempt = await harness.Hub.UpdateAccessCodeAsync(
            harness.HotelId, "ac_1", new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 5, 11, 0, 0, TimeSpan.FromHours(1)), None);

        Assert.Equal(("aa_9", "UPDATE_ACCESS_CODE", ActionAttemptStatus.Pending), (attempt.Id, attempt.ActionType, attempt.Status));
        var body = OnlyRequest(harness, "/access_codes/update");
        Assert.Equal("ac_1", body.GetProperty("access_code_id").GetString());
        Assert.Equal("2026-12-01T15:00:00.000Z", body.GetProperty("starts_at").GetString());
        Assert.Equal("2026-12-05T10:00:00.000Z", body.GetProperty("ends_at").GetString());
        Assert.Equal(3, body.EnumerateObject().Count());
        Assert.Contains(await harness.LogAsync(), e => e.Operation == "access_codes/update" && e.Succeeded && !e.IsDemo);
    }

    [Fact]
    public async Task UpdateTurnsSeamsErrorEnvelopeIntoARefusal()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "/access_codes/update", """{"error":{"type":"invalid_input","message":"ends_at must be in the future"},"ok":false}""", 400);

        var refusal = await Assert.ThrowsAsync<SmartRoomHubException>(() =>
            harness.Hub.UpdateAccessCodeAsync(harness.HotelId, "ac_1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), None));

        Assert.False(refusal.IsTransient);
        Assert.Equal((400, "invalid_input"), (refusal.HttpStatus, refusal.ErrorType));
        Assert.Contains("ends_at must be in the future", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PullingABackupSendsTheFailedCodesIdAndReturnsTheBackupCode()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "/access_codes/pull_backup_access_code", """
            {"access_code":{"access_code_id":"ac_backup","device_id":"dev_1","code":"8080","name":"Backup","status":"set","is_backup":true,
              "starts_at":"2026-12-01T15:00:00.000Z","ends_at":"2026-12-03T11:00:00.000Z","errors":[],"warnings":[]},"ok":true}
            """);

        var backup = await harness.Hub.PullBackupAccessCodeAsync(harness.HotelId, "ac_1", None);

        Assert.Equal(("ac_backup", "8080", AccessCodeStatus.Set), (backup.Id, backup.Code, backup.Status));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 11, 0, 0, TimeSpan.Zero), backup.EndsAt);
        var body = OnlyRequest(harness, "/access_codes/pull_backup_access_code");
        Assert.Equal("ac_1", body.GetProperty("access_code_id").GetString());
        Assert.Single(body.EnumerateObject());
    }

    [Fact]
    public async Task PullingABackupWhenThePoolIsEmptyIsARefusalAndARateLimitIsTransient()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "/access_codes/pull_backup_access_code", """{"error":{"type":"no_backup_access_code_available","message":"No backup access code available"},"ok":false}""", 400);

        var refusal = await Assert.ThrowsAsync<SmartRoomHubException>(() => harness.Hub.PullBackupAccessCodeAsync(harness.HotelId, "ac_1", None));
        Assert.False(refusal.IsTransient);
        Assert.Equal("no_backup_access_code_available", refusal.ErrorType);

        harness.Server.Reset();
        harness.Server.Given(Request.Create().WithPath("/access_codes/pull_backup_access_code").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "7").WithHeader("Content-Type", "application/json")
                .WithBody("""{"error":{"type":"rate_limited","message":"Too many requests"},"ok":false}"""));
        var limited = await Assert.ThrowsAsync<SmartRoomHubException>(() => harness.Hub.PullBackupAccessCodeAsync(harness.HotelId, "ac_1", None));
        Assert.True(limited.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.RetryAfter);
    }
}
