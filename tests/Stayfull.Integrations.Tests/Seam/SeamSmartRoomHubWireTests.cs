using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.SmartRooms;
using Stayfull.Integrations.Seam;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Stayfull.Integrations.Tests.Seam;

public sealed class SeamSmartRoomHubWireTests
{
    private static async Task<SeamHarness> ConnectedAsync(TimeSpan? timeout = null, int pageSize = 100, string workspaceId = "")
    {
        var harness = await SeamHarness.CreateAsync(timeout, pageSize);
        await harness.ConnectAsync(workspaceId: workspaceId);
        return harness;
    }

    private static void Answer(SeamHarness harness, string path, string json, int status = 200) =>
        harness.Server.Given(Request.Create().WithPath(path).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));

    private static JsonElement Body(WireMock.Logging.ILogEntry entry)
    {
        using var document = JsonDocument.Parse(entry.RequestMessage.Body!);
        return document.RootElement.Clone();
    }

    private const string AugustLock = """
        {"device_id":"dev_1","device_type":"august_lock","display_name":"Room 101 lock","capabilities_supported":["access_code","lock"],
         "errors":[],"warnings":[{"warning_code":"salto_office_mode","message":"Office mode"}],
         "properties":{"online":true,"locked":true,"door_open":false,"battery_level":0.81,"manufacturer":"august","model":{"display_name":"Wi-Fi Smart Lock"},
           "code_constraints":[{"constraint_type":"name_length","max_length":14}],"supported_code_lengths":[4,5,6],"supports_backup_access_code_pool":true}}
        """;

    private const string EcobeeThermostat = """
        {"device_id":"dev_2","device_type":"ecobee_thermostat","display_name":"Room 101 thermostat","capabilities_supported":["thermostat"],
         "errors":[{"error_code":"device_offline","message":"Device is offline"}],"warnings":[],
         "properties":{"online":false,"manufacturer":"ecobee","model":"SmartThermostat","temperature_celsius":21.5}}
        """;

    [Fact]
    public async Task DevicesListFollowsPaginationWithBearerKeyAndMapsProperties()
    {
        await using var harness = await ConnectedAsync(pageSize: 1);
        harness.Server.Given(Request.Create().WithPath("/devices/list").UsingPost().WithBody(new JsonPartialMatcher("""{"page_cursor":"cursor-2"}""")))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"devices":[{{EcobeeThermostat}}],"pagination":{"has_next_page":false,"next_page_cursor":null},"ok":true}"""));
        harness.Server.Given(Request.Create().WithPath("/devices/list").UsingPost())
            .AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"devices":[{{AugustLock}}],"pagination":{"has_next_page":true,"next_page_cursor":"cursor-2"},"ok":true}"""));

        var devices = await harness.Hub.ListDevicesAsync(harness.HotelId, CancellationToken.None);

        Assert.Equal(["dev_1", "dev_2"], devices.Select(d => d.Id));
        var entries = harness.Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal("POST", e.RequestMessage.Method);
            Assert.Equal("/devices/list", e.RequestMessage.Path);
            Assert.Equal($"Bearer {SeamHarness.ApiKey}", e.RequestMessage.Headers!["Authorization"].Single());
            Assert.False(e.RequestMessage.Headers.ContainsKey(SeamSmartRoomHub.WorkspaceHeader));
            Assert.StartsWith("application/json", e.RequestMessage.Headers["Content-Type"].Single(), StringComparison.Ordinal);
        });
        Assert.Equal(1, Body(entries[0]).GetProperty("limit").GetInt32());
        Assert.False(Body(entries[0]).TryGetProperty("page_cursor", out _));
        Assert.Equal("cursor-2", Body(entries[1]).GetProperty("page_cursor").GetString());

        var augustLock = devices[0];
        Assert.Equal(("august_lock", "Room 101 lock", "august", "Wi-Fi Smart Lock"), (augustLock.DeviceType, augustLock.DisplayName, augustLock.Manufacturer, augustLock.Model));
        Assert.True(augustLock.Online);
        Assert.True(augustLock.Locked);
        Assert.False(augustLock.DoorOpen);
        Assert.Equal(0.81, augustLock.BatteryLevel);
        Assert.True(augustLock.IsLock);
        Assert.Equal([4, 5, 6], augustLock.SupportedCodeLengths);
        Assert.True(augustLock.SupportsBackupCodePool);
        Assert.Equal(new CodeConstraint("name_length", null, 14), Assert.Single(augustLock.CodeConstraints));
        Assert.Equal(new DeviceIssue("salto_office_mode", "Office mode"), Assert.Single(augustLock.Warnings));
        var thermostat = devices[1];
        Assert.True(thermostat.IsThermostat);
        Assert.False(thermostat.Online);
        Assert.Null(thermostat.Locked);
        Assert.False(thermostat.SupportsBackupCodePool);
        Assert.Equal(21.5, thermostat.TemperatureCelsius);
        Assert.Equal("device_offline", Assert.Single(thermostat.Errors).Code);

        var log = await harness.LogAsync();
        Assert.Equal(2, log.Count(e => e.Operation == "devices/list" && e.Succeeded && !e.IsDemo));
        Assert.All(log, e => Assert.DoesNotContain(SeamHarness.ApiKey, e.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WorkspaceHeaderIsSentOnlyWhenTheHotelHasOne()
    {
        await using var harness = await ConnectedAsync(workspaceId: "ws_123");
        Answer(harness, "/devices/get", $$"""{"device":{{AugustLock}},"ok":true}""");

        var device = await harness.Hub.GetDeviceAsync(harness.HotelId, "dev_1", CancellationToken.None);

        Assert.Equal("dev_1", device.Id);
        var request = Assert.Single(harness.Server.LogEntries).RequestMessage;
        Assert.Equal("ws_123", request.Headers![SeamSmartRoomHub.WorkspaceHeader].Single());
        Assert.Equal("dev_1", Body(harness.Server.LogEntries.Single()).GetProperty("device_id").GetString());
    }

    [Fact]
    public async Task AccessCodeCreateAsksForTheBackupPoolWhenTheLockHasOne()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "/access_codes/create", """
            {"access_code":{"access_code_id":"ac_2","device_id":"dev_1","code":"1234","name":"Stay XYZ789","type":"time_bound","status":"setting","errors":[],"warnings":[],"is_backup_access_code_available":true},
             "action_attempt":{"action_attempt_id":"aa_2","action_type":"CREATE_ACCESS_CODE","status":"pending","result":null,"error":null},"ok":true}
            """);
        var startsAt = new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero);

        await harness.Hub.CreateAccessCodeAsync(harness.HotelId, new AccessCodeRequest("dev_1", "Stay XYZ789", startsAt, startsAt.AddDays(2)) { UseBackupAccessCodePool = true }, CancellationToken.None);

        Assert.True(Body(Assert.Single(harness.Server.LogEntries)).GetProperty("use_backup_access_code_pool").GetBoolean());
    }

    [Fact]
    public async Task AccessCodeCreateSendsTheTimeBoundWindowAndReturnsCodeAndAttempt()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "/access_codes/create", """
            {"access_code":{"access_code_id":"ac_1","device_id":"dev_1","code":"482913","name":"Stay ABC123","type":"time_bound","status":"setting",
              "starts_at":"2026-12-01T14:00:00.000Z","ends_at":"2026-12-03T11:00:00.000Z","errors":[],"warnings":[],"is_backup_access_code_available":true},
             "action_attempt":{"action_attempt_id":"aa_1","action_type":"CREATE_ACCESS_CODE","status":"pending","result":null,"error":null},"ok":true}
            """);
        var startsAt = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.FromHours(1));
        var endsAt = new DateTimeOffset(2026, 12, 3, 11, 0, 0, TimeSpan.Zero);

        var created = await harness.Hub.CreateAccessCodeAsync(harness.HotelId, new AccessCodeRequest("dev_1", "Stay ABC123", startsAt, endsAt) { PreferredCodeLength = 6 }, CancellationToken.None);

        var entry = Assert.Single(harness.Server.LogEntries);
        Assert.Equal("/access_codes/create", entry.RequestMessage.Path);
        var body = Body(entry);
        Assert.Equal("dev_1", body.GetProperty("device_id").GetString());
        Assert.Equal("Stay ABC123", body.GetProperty("name").GetString());
        Assert.Equal("2026-12-01T14:00:00.000Z", body.GetProperty("starts_at").GetString());
        Assert.Equal("2026-12-03T11:00:00.000Z", body.GetProperty("ends_at").GetString());
        Assert.Equal(6, body.GetProperty("preferred_code_length").GetInt32());
        Assert.False(body.TryGetProperty("code", out _));
        Assert.False(body.TryGetProperty("use_backup_access_code_pool", out _));

        Assert.Equal("ac_1", created.AccessCode.Id);
        Assert.Equal("482913", created.AccessCode.Code);
        Assert.Equal(AccessCodeStatus.Setting, created.AccessCode.Status);
        Assert.Equal(startsAt, created.AccessCode.StartsAt);
        Assert.True(created.AccessCode.IsBackupAccessCodeAvailable);
        Assert.Equal(new ActionAttempt("aa_1", "CREATE_ACCESS_CODE", ActionAttemptStatus.Pending, null, null), created.ActionAttempt);
    }

    [Fact]
    public async Task AccessCodeDeleteNamesCodeAndDevice()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "/access_codes/delete", """{"action_attempt":{"action_attempt_id":"aa_2","action_type":"DELETE_ACCESS_CODE","status":"pending","result":null,"error":null},"ok":true}""");

        var attempt = await harness.Hub.DeleteAccessCodeAsync(harness.HotelId, "dev_1", "ac_1", CancellationToken.None);

        var body = Body(Assert.Single(harness.Server.LogEntries));
        Assert.Equal("ac_1", body.GetProperty("access_code_id").GetString());
        Assert.Equal("dev_1", body.GetProperty("device_id").GetString());
        Assert.Equal(("aa_2", "DELETE_ACCESS_CODE", ActionAttemptStatus.Pending), (attempt.Id, attempt.ActionType, attempt.Status));
    }

    [Fact]
    public async Task AccessCodesListAndGetMapStatuses()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "/access_codes/list", """
            {"access_codes":[{"access_code_id":"ac_1","device_id":"dev_1","code":"1234","status":"set","errors":[],"warnings":[]},
                             {"access_code_id":"ac_2","device_id":"dev_1","code":"5678","status":"removing","errors":[{"error_code":"failed_to_remove_from_device","message":"Lock refused"}],"warnings":[]}],
             "pagination":{"has_next_page":false},"ok":true}
            """);
        Answer(harness, "/access_codes/get", """{"access_code":{"access_code_id":"ac_3","device_id":"dev_1","status":"unset"},"ok":true}""");

        var codes = await harness.Hub.ListAccessCodesAsync(harness.HotelId, "dev_1", CancellationToken.None);
        var single = await harness.Hub.GetAccessCodeAsync(harness.HotelId, "ac_3", CancellationToken.None);

        Assert.Equal([AccessCodeStatus.Set, AccessCodeStatus.Removing], codes.Select(c => c.Status));
        Assert.Equal("failed_to_remove_from_device", Assert.Single(codes[1].Errors).Code);
        Assert.Equal(AccessCodeStatus.Unset, single.Status);
        var list = harness.Server.LogEntries.Single(e => e.RequestMessage.Path == "/access_codes/list");
        Assert.Equal("dev_1", Body(list).GetProperty("device_id").GetString());
        Assert.Equal("ac_3", Body(harness.Server.LogEntries.Single(e => e.RequestMessage.Path == "/access_codes/get")).GetProperty("access_code_id").GetString());
    }

    [Fact]
    public async Task UnlockReturnsAPendingAttemptThatIsFollowedToSuccess()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "/locks/unlock_door", """{"action_attempt":{"action_attempt_id":"aa_3","action_type":"UNLOCK_DOOR","status":"pending","result":null,"error":null},"ok":true}""");
        Answer(harness, "/action_attempts/get", """{"action_attempt":{"action_attempt_id":"aa_3","action_type":"UNLOCK_DOOR","status":"success","result":{},"error":null},"ok":true}""");

        var pending = await harness.Hub.UnlockDoorAsync(harness.HotelId, "dev_1", CancellationToken.None);
        var done = await harness.Hub.GetActionAttemptAsync(harness.HotelId, pending.Id, CancellationToken.None);

        Assert.Equal(ActionAttemptStatus.Pending, pending.Status);
        Assert.Equal(ActionAttemptStatus.Success, done.Status);
        Assert.Equal("dev_1", Body(harness.Server.LogEntries.Single(e => e.RequestMessage.Path == "/locks/unlock_door")).GetProperty("device_id").GetString());
        Assert.Equal("aa_3", Body(harness.Server.LogEntries.Single(e => e.RequestMessage.Path == "/action_attempts/get")).GetProperty("action_attempt_id").GetString());
    }

    [Fact]
    public async Task LockDoorPostsTheDevice()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "/locks/lock_door", """{"action_attempt":{"action_attempt_id":"aa_4","action_type":"LOCK_DOOR","status":"pending","result":null,"error":null},"ok":true}""");

        var attempt = await harness.Hub.LockDoorAsync(harness.HotelId, "dev_9", CancellationToken.None);

        Assert.Equal("LOCK_DOOR", attempt.ActionType);
        Assert.Equal("dev_9", Body(Assert.Single(harness.Server.LogEntries)).GetProperty("device_id").GetString());
    }

    [Fact]
    public async Task AFailedActionAttemptCarriesSeamsError()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "/action_attempts/get", """{"action_attempt":{"action_attempt_id":"aa_5","action_type":"LOCK_DOOR","status":"error","result":null,"error":{"type":"device_disconnected","message":"The lock is offline."}},"ok":true}""");

        var attempt = await harness.Hub.GetActionAttemptAsync(harness.HotelId, "aa_5", CancellationToken.None);

        Assert.Equal(new ActionAttempt("aa_5", "LOCK_DOOR", ActionAttemptStatus.Error, "device_disconnected", "The lock is offline."), attempt);
    }

    [Fact]
    public async Task HeatCoolSendsBothSetPointsInCelsiusAndOffNamesTheDevice()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "/thermostats/heat_cool", """{"action_attempt":{"action_attempt_id":"aa_6","action_type":"SET_HVAC_MODE","status":"pending","result":null,"error":null},"ok":true}""");
        Answer(harness, "/thermostats/off", """{"action_attempt":{"action_attempt_id":"aa_7","action_type":"SET_HVAC_MODE","status":"pending","result":null,"error":null},"ok":true}""");

        var heatCool = await harness.Hub.SetHeatCoolAsync(harness.HotelId, "dev_2", 20.5m, 24m, CancellationToken.None);
        var off = await harness.Hub.TurnThermostatOffAsync(harness.HotelId, "dev_2", CancellationToken.None);

        var body = Body(harness.Server.LogEntries.Single(e => e.RequestMessage.Path == "/thermostats/heat_cool"));
        Assert.Equal("dev_2", body.GetProperty("device_id").GetString());
        Assert.Equal(20.5m, body.GetProperty("heating_set_point_celsius").GetDecimal());
        Assert.Equal(24m, body.GetProperty("cooling_set_point_celsius").GetDecimal());
        Assert.Equal("dev_2", Body(harness.Server.LogEntries.Single(e => e.RequestMessage.Path == "/thermostats/off")).GetProperty("device_id").GetString());
        Assert.Equal(("aa_6", "aa_7"), (heatCool.Id, off.Id));
    }

    [Theory]
    [InlineData(400, "invalid_input", "ends_at must be after starts_at")]
    [InlineData(401, "unauthorized", "Unauthorized")]
    [InlineData(404, "device_not_found", "Device not found")]
    public async Task SeamErrorEnvelopesArePermanentWithTheirMessage(int status, string type, string message)
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "/locks/unlock_door", $$$"""{"error":{"type":"{{{type}}}","message":"{{{message}}}","validation_errors":{}},"ok":false}""", status);

        var ex = await Assert.ThrowsAsync<SmartRoomHubException>(() => harness.Hub.UnlockDoorAsync(harness.HotelId, "dev_1", CancellationToken.None));

        Assert.False(ex.IsTransient);
        Assert.Equal(status, ex.HttpStatus);
        Assert.Equal(type, ex.ErrorType);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.RetryAfter);
        var log = Assert.Single(await harness.LogAsync());
        Assert.False(log.Succeeded);
        Assert.Equal(status, log.HttpStatus);
        Assert.Contains(message, log.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(SeamHarness.ApiKey, log.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOkFalseEnvelopeIsAnErrorEvenWithStatus200()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "/access_codes/get", """{"error":{"type":"invalid_input","message":"access_code_id is required"},"ok":false}""");

        var ex = await Assert.ThrowsAsync<SmartRoomHubException>(() => harness.Hub.GetAccessCodeAsync(harness.HotelId, "", CancellationToken.None));

        Assert.False(ex.IsTransient);
        Assert.Equal("invalid_input", ex.ErrorType);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task RateLimitsAndOutagesAreTransientWithRetryAfter(int status)
    {
        await using var harness = await ConnectedAsync();
        harness.Server.Given(Request.Create().WithPath("/access_codes/create").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Retry-After", "42").WithBody("""{"error":{"type":"rate_limited","message":"Too many requests for this device"},"ok":false}"""));

        var ex = await Assert.ThrowsAsync<SmartRoomHubException>(() => harness.Hub.CreateAccessCodeAsync(
            harness.HotelId,
            new AccessCodeRequest("dev_1", "Stay", harness.Hotel.Time.GetUtcNow().AddDays(1), harness.Hotel.Time.GetUtcNow().AddDays(2)),
            CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(42), ex.RetryAfter);
        Assert.Equal(status, ex.HttpStatus);
    }

    [Fact]
    public async Task ATimeoutIsTransientAndLogged()
    {
        await using var harness = await ConnectedAsync(timeout: TimeSpan.FromMilliseconds(300));
        harness.Server.Given(Request.Create().WithPath("/locks/lock_door").UsingPost())
            .RespondWith(Response.Create().WithDelay(TimeSpan.FromSeconds(3)).WithBody("""{"ok":true}"""));

        var ex = await Assert.ThrowsAsync<SmartRoomHubException>(() => harness.Hub.LockDoorAsync(harness.HotelId, "dev_1", CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Null(ex.HttpStatus);
        var log = Assert.Single(await harness.LogAsync());
        Assert.Equal("locks/lock_door", log.Operation);
        Assert.Contains("timed out", log.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionTestAsksForOneDevice()
    {
        await using var harness = await ConnectedAsync();
        Answer(harness, "/devices/list", """{"devices":[],"pagination":{"has_next_page":false},"ok":true}""");
        var tester = harness.Services.GetServices<Stayfull.Domain.Integrations.IConnectionTester>().Single(t => t.Vendor == Stayfull.Domain.Integrations.IntegrationVendor.Seam);

        var result = await tester.TestAsync(harness.HotelId, CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(1, Body(Assert.Single(harness.Server.LogEntries)).GetProperty("limit").GetInt32());
    }
}
