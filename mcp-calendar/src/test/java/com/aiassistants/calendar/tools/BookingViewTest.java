package com.aiassistants.calendar.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingList;

/** The wire records must stay component-for-component identical to the contract records. */
class BookingViewTest {

    @Test
    void bookingViewMirrorsTheContractRecord() {
        assertThat(signature(BookingView.class)).isEqualTo(signature(Booking.class));
        assertThat(signature(BookingView.ListView.class)).extracting(s -> s.split(":")[0])
                .isEqualTo(signature(BookingList.class).stream().map(s -> s.split(":")[0]).toList());
    }

    private static List<String> signature(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map((RecordComponent c) -> c.getName() + ":" + c.getGenericType().getTypeName()).toList();
    }
}
