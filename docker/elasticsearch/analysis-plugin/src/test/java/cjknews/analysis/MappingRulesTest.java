package cjknews.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cjknews.analysis.MappingRules.Rule;

class MappingRulesTest {

    @Test
    void trimsBothSides() {
        assertEquals(new Rule("鄭", "郑"), MappingRules.parse("  鄭  =>   郑 "));
        assertEquals(new Rule("滎陽", "荥阳"), MappingRules.parse("滎陽=>荥阳"));
        assertEquals(new Rule("a b", "c d"), MappingRules.parse("\ta b => c d\t"));
    }

    @Test
    void unescapesControlCharacters() {
        assertEquals(new Rule("\\", "\n\t\r\b\f"), MappingRules.parse("\\\\ => \\n\\t\\r\\b\\f"));
    }

    @Test
    void unescapesUnicodeUnitsIncludingSurrogatePairs() {
        assertEquals(new Rule("A鄭", "𠮷"), MappingRules.parse("\\u0041\\u912D => \\uD842\\uDFB7"));
        assertEquals(new Rule("ab", "z"), MappingRules.parse("\\u0061b => z"));
    }

    @Test
    void trimsBeforeUnescapingSoEscapedSpacesSurvive() {
        assertEquals(new Rule(" ", "\u3000"), MappingRules.parse("\\u0020 => \\u3000"));
    }

    @Test
    void backslashBeforeAnyOtherCharacterKeepsThatCharacter() {
        assertEquals(new Rule("#", "="), MappingRules.parse("\\# => \\="));
    }

    @Test
    void allowsAnEmptyRightSide() {
        assertEquals(new Rule("-", ""), MappingRules.parse("- =>"));
        assertEquals(new Rule("\u200B", ""), MappingRules.parse("\\u200B => "));
    }

    @Test
    void splitsAtTheLastArrow() {
        assertEquals(new Rule("a => b", "c"), MappingRules.parse("a => b => c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"鄭 -> 郑", "", "   ", " => 郑", "=>", "\\u20 => x", "\\uZZZZ => x", "a\\ => b", "a => b\\"})
    void rejectsMalformedRules(String rule) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MappingRules.parse(rule));
        assertTrue(e.getMessage().contains("[" + rule + "]"), e.getMessage());
    }

    @Test
    void saysWhichSideIsEmpty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MappingRules.parse(" => 郑"));
        assertTrue(e.getMessage().contains("left side is empty"), e.getMessage());
    }

    @Test
    void rejectsTheSameLeftSideTwice() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> MappingRules.toCharMap(List.of("鄭 => 郑", " 鄭=>正")));
        assertTrue(e.getMessage().contains("[鄭] is already mapped"), e.getMessage());
    }

    @Test
    void buildsAnEmptyMapFromNoRules() {
        MappingRules.toCharMap(List.of());
    }
}
