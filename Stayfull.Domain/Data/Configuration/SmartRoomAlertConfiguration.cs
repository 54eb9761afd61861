using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.SmartRooms;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class SmartRoomAlertConfiguration : IEntityTypeConfiguration<SmartRoomAlert>
{
    public void Configure(EntityTypeBuilder<SmartRoomAlert> builder)
    {
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.OpenKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Message).HasMaxLength(SmartRoomAlert.MaxMessageLength);
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(200);
        builder.Property(a => a.Version).IsConcurrencyToken();

        // One open alert per device and kind: resolved alerts have no open kind, and nulls never collide.
        builder.HasIndex(a => new { a.HotelId, a.RoomDeviceId, a.OpenKind }).IsUnique();
        builder.HasIndex(a => new { a.HotelId, a.AcknowledgedAt });
        builder.HasOne<Hotel>().WithMany().HasForeignKey(a => a.HotelId);
        builder.HasOne<RoomDevice>().WithMany().HasForeignKey(a => a.RoomDeviceId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.IsOpen);
        builder.Ignore(a => a.NeedsAttention);
    }
}

/// <summary>A device's errors or warnings stored as one JSON text column; they are read and replaced whole.</summary>
internal static class DeviceIssuesJson
{
    public static readonly ValueConverter<IReadOnlyList<DeviceIssue>, string> Converter = new(issues => Write(issues), text => Read(text));

    public static readonly ValueComparer<IReadOnlyList<DeviceIssue>> Comparer = new(
        (a, b) => a != null && b != null ? a.SequenceEqual(b) : a == b,
        issues => issues.Aggregate(0, (hash, issue) => HashCode.Combine(hash, issue.GetHashCode())),
        issues => issues.ToList());

    private static string Write(IReadOnlyList<DeviceIssue> issues) => JsonSerializer.Serialize(issues);

    /// <summary>Rows stored before the column existed hold an empty text: no issues.</summary>
    private static List<DeviceIssue> Read(string text) =>
        string.IsNullOrEmpty(text) ? [] : JsonSerializer.Deserialize<List<DeviceIssue>>(text) ?? [];
}
