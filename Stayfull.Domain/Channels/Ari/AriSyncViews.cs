namespace Stayfull.Domain.Channels.Ari;

/// <summary>The channel sync as staff see it.</summary>
/// <param name="IsConnected">Whether any room type is mapped (nothing is distributed otherwise).</param>
public sealed record AriSyncView(
    bool IsConnected,
    AriKindView Availability,
    AriKindView Restrictions,
    IReadOnlyList<AriSyncErrorView> Errors,
    IReadOnlyList<AriCallView> RecentCalls);

/// <param name="LastPush">The latest call of this kind, if any.</param>
/// <param name="PendingChanges">Changes waiting to be pushed.</param>
/// <param name="PausedUntil">When pushes may resume after a failure or a spent budget; null when they flow.</param>
/// <param name="Parked">Why pushes wait for staff, when the channel manager refused them.</param>
public sealed record AriKindView(AriKind Kind, AriCallView? LastPush, int PendingChanges, DateTimeOffset? PausedUntil, string? Parked);

public sealed record AriCallView(Guid Id, AriKind Kind, DateTimeOffset At, bool Succeeded, bool IsDemo, bool IsFullSync, int ValueCount, DateOnly From, DateOnly To, int WarningCount, string TaskIds, string? Problem);

/// <param name="Channel">The OTA named by the channel manager, or null for errors about our own pushes.</param>
public sealed record AriSyncErrorView(Guid Id, DateTimeOffset At, AriSyncErrorSource Source, string? Channel, string Item, string Message);
