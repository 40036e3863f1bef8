package layout

import (
	"regexp"
)

// Footer matches the lines that close a table: signatures, dates, notes.
var Footer = regexp.MustCompile(`^(单位负责人|负责人|填表人|审核人|填报人|制表人|统计人|联系电话|联系方式|填报日期|填表日期|报送日期|说明[:：]|注[:：]|备注[:：])`)

var (
	LegacySignals = []string{"统计指标", "主动公开政府信息数", "收到申请数", "申请办结数", "申请答复数", "不同意公开答复数", "行政复议数量"}
	NewSignals    = []string{"信息内容", "第二十条第", "本年新制作数量", "本年制发件数", "上一年项目数量", "处理决定数量", "采购总金额", "本年收费金额",
		"申请人情况", "勾稽关系", "本年新收政府信息公开申请数量", "本年度办理结果", "结转下年度继续办理", "未经复议直接起诉", "复议后起诉", "结果维持"}
	OldSignals = []string{"本期实际", "本年累计", "历年累计", "上年同期"}
)
