using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;

namespace Stayfull.Domain.SmartRooms.StaffAccess;

/// <summary>
/// Door-code events for housekeeping codes: set on the lock (the housekeeper's board shows the code), failed,
/// removed. Codes that are not housekeeping codes (guest keys) are left to their own listener.
/// </summary>
public sealed class StaffCodeEvents(HotelSessions sessions) : ISeamEventListener
{
    public bool Takes(string eventType) => eventType is
        "access_code.set_on_device" or "access_code.failed_to_set_on_device" or "access_code.removed_from_device" or "access_code.deleted";

    public async Task HandleAsync(SeamEvent seamEvent, CancellationToken cancellationToken)
    {
        if (seamEvent.AccessCodeId is not { } codeId)
        {
            return;
        }

        await sessions.WriteAsync(async s =>
        {
            var code = await s.Db.ShiftRoomCodes().FirstOrDefaultAsync(c => c.SeamAccessCodeId == codeId, cancellationToken);
            if (code is null)
            {
                return;
            }

            var room = await s.Db.Rooms.Where(r => r.Id == code.RoomId).Select(r => r.Number).SingleAsync(cancellationToken);
            switch (seamEvent.Type)
            {
                case "access_code.set_on_device":
                    if (code.SetOnDevice(seamEvent.Text("code"), s.Now))
                    {
                        s.Announce(ChangeTopic.Locks, code.ShiftId, $"Housekeeping code ready for room {room}");
                    }

                    break;
                case "access_code.failed_to_set_on_device":
                    if (code.Fail(seamEvent.Text("error_message") ?? seamEvent.Text("error_code") ?? "The code failed to set on the lock.", s.Now))
                    {
                        s.Announce(ChangeTopic.Locks, code.ShiftId, $"Housekeeping code for room {room} failed to set: {code.LastError}", ChangeKind.Created);
                    }

                    break;
                default:
                    if (code.RemovedFromDevice(s.Now))
                    {
                        s.Announce(ChangeTopic.Locks, code.ShiftId, $"Housekeeping code removed from room {room}");
                    }

                    break;
            }
        }, cancellationToken);
    }
}
