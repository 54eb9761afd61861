using Npgsql;

namespace Stayfull.E2E.Tests.ScaleOut;

/// <summary>What the test reads straight from the PostgreSQL database both instances share.</summary>
internal sealed class SharedDatabase(string connectionString)
{
    public const string HeartbeatJob = "operations.scheduler-heartbeat";

    public async Task<Guid> DemoHotelIdAsync() =>
        (Guid)(await ScalarAsync("""SELECT "Id" FROM "Hotels" LIMIT 1""")
            ?? throw new InvalidOperationException("No hotel was seeded."));

    /// <summary>The first room (by number) whose mapped lock is online and locked, and the hub's id of that lock.</summary>
    public async Task<(string Room, string DeviceId)> LockedRoomAsync(Guid hotelId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT r."Number", d."SeamDeviceId" FROM "RoomDevices" d JOIN "Rooms" r ON r."Id" = d."RoomId"
            WHERE d."HotelId" = @hotel AND d."Kind" = @kind AND d."Online" AND d."Locked" = TRUE
            ORDER BY r."Number" COLLATE "C" LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("hotel", hotelId);
        command.Parameters.AddWithValue("kind", LockKind());
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? (reader.GetString(0), reader.GetString(1))
            : throw new InvalidOperationException("No mapped, online, locked lock in the demo hotel.");
    }

    /// <summary>Every recorded firing of <paramref name="jobKey"/>: its scheduled time and the scheduler instance that ran it.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset Scheduled, string Instance)>> RunsAsync(string jobKey)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT "ScheduledFireTime", "InstanceId" FROM "JobRuns" WHERE "JobKey" = @job AND "ScheduledFireTime" IS NOT NULL""", connection);
        command.Parameters.AddWithValue("job", jobKey);
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<(DateTimeOffset, string)>();
        while (await reader.ReadAsync())
        {
            runs.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1)));
        }

        return runs;
    }

    /// <summary>The scheduler instances checked in to the cluster.</summary>
    public async Task<long> ClusterMembersAsync() => (long)(await ScalarAsync("SELECT count(*) FROM qrtz_scheduler_state"))!;

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The device kind is stored as its number.</summary>
    private static int LockKind() => (int)Stayfull.Domain.SmartRooms.RoomDeviceKind.Lock;
}
