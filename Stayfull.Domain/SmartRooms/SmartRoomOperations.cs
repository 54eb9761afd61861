namespace Stayfull.Domain.SmartRooms;

/// <summary>The outbox operations of smart rooms and their idempotency keys, derived from our ids.</summary>
public static class SmartRoomOperations
{
    public const string CreateAccessCode = "CreateAccessCode";
    public const string DeleteAccessCode = "DeleteAccessCode";

    public static string CreateKey(Guid reservationId, Guid roomId) => $"key-{reservationId}-{roomId}";

    public static string RemoveKey(Guid reservationId, Guid roomId) => $"key-{reservationId}-{roomId}-remove";
}

/// <summary>Create the door code of one access key (its window, lock and name are read when dispatched).</summary>
public sealed record CreateAccessCodeIntent(Guid AccessKeyId);

/// <summary>Remove the door code of one access key; <paramref name="AccessCodeId"/> names a code the hub set after the key was revoked.</summary>
public sealed record DeleteAccessCodeIntent(Guid AccessKeyId, string? AccessCodeId = null);
