namespace Stayfull.Domain.Channels.Mapping;

/// <summary>Everything the Channels settings page shows: the connection, the channel's catalog, our side and the mappings.</summary>
/// <param name="PropertyId">The connected property (not a secret); null in demo mode.</param>
/// <param name="CatalogError">Why the catalog could not be read, for staff; the mappings still show.</param>
public sealed record ChannelMappingOverview(
    bool IsConnected,
    string? PropertyId,
    string? CredentialHint,
    ChannelCatalog Catalog,
    string? CatalogError,
    IReadOnlyList<RoomTypeMappingRow> RoomTypes,
    IReadOnlyList<OurRatePlan> RatePlans);

/// <param name="ChannelRoomTypeId">The mapped channel room type, or null.</param>
/// <param name="SuggestedChannelRoomTypeId">What the names suggest, when it differs from the mapping.</param>
public sealed record RoomTypeMappingRow(
    Guid RoomTypeId,
    string Code,
    string Name,
    string? ChannelRoomTypeId,
    string? SuggestedChannelRoomTypeId,
    IReadOnlyList<RatePlanMappingRow> RatePlans);

public sealed record RatePlanMappingRow(Guid RatePlanId, string Code, string Name, bool IsDefault, string? ChannelRatePlanId, string? SuggestedChannelRatePlanId);

/// <summary>The whole mapping table as staff left it: null means unmapped.</summary>
public sealed record ChannelMappingPlan(IReadOnlyList<RoomTypeChoice> RoomTypes);

public sealed record RoomTypeChoice(Guid RoomTypeId, string? ChannelRoomTypeId, IReadOnlyList<RatePlanChoice> RatePlans);

public sealed record RatePlanChoice(Guid RatePlanId, string? ChannelRatePlanId);

/// <param name="WebhookError">Why the channel manager did not take our webhook; bookings still arrive by the feed.</param>
public sealed record ChannelConnectResult(bool WebhookRegistered, Uri CallbackUrl, string? WebhookError);
