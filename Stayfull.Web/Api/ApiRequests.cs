namespace Stayfull.Web.Api;

public sealed record AssignRoomRequest(Guid RoomId);

public sealed record MoveRoomRequest(Guid RoomId, string? Reason);

public sealed record CheckOutRequest(bool ManagerOverride);

public sealed record CancelRequest(string? Reason);

public sealed record FolioPostRequest(string Description, long AmountMinor);

public sealed record HousekeepingRequest(Domain.Rooms.HousekeepingStatus Status);
