package de.kuzmobil.api.booking;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;

/**
 * {@code POST /api/v1/public/stops/{id}/bookings}: one appointment for one service. Only what the team
 * needs: a name and one way to reach the citizen (e-mail or phone). {@code slotStart} picks a time;
 * without it the earliest free one is booked.
 */
public record BookingRequest(@NotBlank @Size(max = 100) String service,
                             @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String name,
                             @Email @Size(max = 254) String email,
                             @Pattern(regexp = "[+0-9 ()/-]{3,40}", message = "digits, spaces and + ( ) / - only, 3 to 40") String phone,
                             LocalTime slotStart) {

    @JsonIgnore
    @AssertTrue(message = "give an e-mail address or a phone number")
    public boolean isReachable() {
        return (email != null && !email.isBlank()) || (phone != null && !phone.isBlank());
    }
}
