package io.clusterbench.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The contract's ownership rules, in their order, on real 企业类型 texts (full-width brackets and blanks included). */
class OwnershipTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "有限责任公司（自然人投资或控股）|private",
            "有限责任公司(非自然人投资或控股的法人独资)|unknown",     // another legal person: state or private
            "股份有限公司(上市、国有控股)|state",
            "有限责任公司(台港澳法人独资)|foreign",
            "中外合资经营企业|foreign",
            "集体所有制|collective",
            "个人独资企业|private",
            "普通合伙企业|private",
            "有限责任公司(外商投资企业与内资合资)|foreign",
            "有限责任公司（国有独资）|state",
            "全民所有制|state",
            "股份有限公司(非上市、自然人投资或控股)|private",  // 非 alone is no rule: 自然人 decides
            "有限责任公司（港澳台投资、非独资）|foreign",
            "有限责任公司(非国有控股)|unknown",             // rule 2 precedes rule 3, whose word it contains
            "中外合资经营企业(国有控股)|foreign",           // rule 1 first
            "有限责任公司(国有与集体合资)|state",           // rule 3 precedes rule 4
            "私营有限责任公司(自然人控股或私营性质企业控股)|private",
            "华侨投资企业|foreign",
            "有限责任公司 （ 国有 控股 ）|state",           // blanks (also ideographic) removed before matching
            "有限责任公司　（国　有控股）|state",
            "其他有限责任公司|unknown",
            "农民专业合作社|unknown",                      // 合作 is not 合伙
            "'   '|unknown",
            "''|unknown",
            "NULL|unknown"})
    void classifiesByTheFirstRuleThatApplies(String enterpriseType, String expected) {
        assertEquals(expected, Ownership.of(enterpriseType));
    }
}
